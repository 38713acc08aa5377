using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Mail-enables existing directory users: a mailbox (Enable-Mailbox; Enable-RemoteMailbox when the
/// store is Hybrid), or with -ExternalEmailAddress a mail user (Enable-MailUser).
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledUserCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly EnableObjectParameters _object = new EnableObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    /// <summary>Makes the user a mail user whose mail goes to this outside address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ExternalEmailAddress { get; set; }

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.User, AddDetails, CheckInput);

    private void CheckInput()
    {
        if (ExternalEmailAddress is not null) EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress));
    }

    private void AddDetails(MailEnabledObjectRequest request)
    {
        request.Identity = Identity;
        request.SamAccountName = SamAccountName;
        request.GivenName = GivenName;
        request.Surname = Surname;
        request.ExternalEmailAddress = ExternalEmailAddress?.Trim();
        request.UserType = ExternalEmailAddress is null ? MailUserType.Mailbox : MailUserType.MailUser;
    }
}
