using System.Globalization;
using System.Management.Automation;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// The parameters of every Get-MailEnabled* cmdlet besides -Identity (declared on each cmdlet: as
/// a dynamic parameter it would lose to -IdentityStore): one object by -EmailAddress, or all of
/// the kind whose name matches -Name (wildcards), at most -ResultSize of them.
/// </summary>
internal sealed class ObjectQueryParameters
{
    public const string ByName = "Name";
    public const string ByIdentity = "Identity";
    public const string ByAddress = "EmailAddress";

    [Parameter(Mandatory = true, ParameterSetName = ByAddress)]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = "";

    [Parameter(ParameterSetName = ByName)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>At most this many objects (default 1000, as Exchange), or Unlimited.</summary>
    [Parameter(ParameterSetName = ByName)]
    [ValidateNotNullOrEmpty]
    public string ResultSize { get; set; } = MailEnabledObjectQuery.DefaultResultSize.ToString(CultureInfo.InvariantCulture);

    public MailEnabledObjectQuery ToQuery(MailEnabledObjectKind kind, string parameterSetName, string identity) => new MailEnabledObjectQuery
    {
        Kind = kind,
        Identity = parameterSetName == ByIdentity ? identity : null,
        EmailAddress = parameterSetName == ByAddress ? EmailAddressSyntax.Require(EmailAddress, nameof(EmailAddress)) : null,
        Name = parameterSetName == ByName ? Name : null,
        ResultSize = MailEnabledObjectQuery.ParseResultSize(ResultSize),
    };
}
