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
public sealed class EnableMailEnabledUserCommand : EnableMailEnabledObjectCmdlet
{
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

    /// <summary>The primary address to give instead of alias@domain; checked like the generated one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks.</summary>
    [Parameter]
    public SwitchParameter SkipAddressCheck { get; set; }

    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.User;

    protected override void CheckInput()
    {
        if (ExternalEmailAddress is not null) EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress));
        if (PrimarySmtpAddress is not null) EmailAddressSyntax.Require(PrimarySmtpAddress, nameof(PrimarySmtpAddress));
    }

    protected override void AddDetails(MailEnabledObjectRequest request)
    {
        request.SamAccountName = SamAccountName;
        request.GivenName = GivenName;
        request.Surname = Surname;
        request.ExternalEmailAddress = ExternalEmailAddress?.Trim();
        request.UserType = ExternalEmailAddress is null ? MailUserType.Mailbox : MailUserType.MailUser;
        request.PrimarySmtpAddress = PrimarySmtpAddress?.Trim();
        request.SkipAddressCheck = SkipAddressCheck;
    }
}
