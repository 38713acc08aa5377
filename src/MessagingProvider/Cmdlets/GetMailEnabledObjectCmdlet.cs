using System.Management.Automation;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of Get-MailEnabledGroup, -User and -Contact: one object by -Identity or -EmailAddress, or
/// all of the kind whose name matches -Name (wildcards), at most -ResultSize of them.
/// </summary>
public abstract class GetMailEnabledObjectCmdlet : MailEnabledObjectCmdlet
{
    private const string ByName = "Name";
    private const string ByIdentity = "Identity";
    private const string ByAddress = "EmailAddress";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdentity, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

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
    public string ResultSize { get; set; } = MailEnabledObjectQuery.DefaultResultSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected abstract MailEnabledObjectKind Kind { get; }

    private PipelineProgress? _progress;

    protected override void ProcessRecord()
    {
        _progress ??= new PipelineProgress(WriteProgress, $"Get-MailEnabled{Kind}");
        TryRun(() =>
        {
            var query = new MailEnabledObjectQuery
            {
                Kind = Kind,
                Identity = ParameterSetName == ByIdentity ? Identity : null,
                EmailAddress = ParameterSetName == ByAddress ? Providers.EmailAddressSyntax.Require(EmailAddress, nameof(EmailAddress)) : null,
                Name = ParameterSetName == ByName ? Name : null,
                ResultSize = MailEnabledObjectQuery.ParseResultSize(ResultSize),
            };
            _progress.Next(query.Describe());
            IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
            var found = provider.Find(query, CancellationToken);
            WriteVerbose($"{found.Count} mail-enabled {Kind.ToString().ToLowerInvariant()}(s) {query.Describe()} in identity store '{IdentityStore}'.");
            foreach (MailEnabledObjectInfo item in found) WriteObject(item);
        });
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }
}
