using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Creates users with a mailbox the way the identity store's create method says: New-Mailbox
/// (New-RemoteMailbox when Hybrid) creates the account too; with the method Enable the account
/// already exists in the directory and is mail-enabled. -Password only when Exchange creates it.
/// </summary>
[Cmdlet(VerbsCommon.New, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledUserCommand : NewMailEnabledObjectCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserPrincipalName { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

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
        if (PrimarySmtpAddress is not null) EmailAddressSyntax.Require(PrimarySmtpAddress, nameof(PrimarySmtpAddress));
    }

    protected override void AddDetails(MailEnabledObjectRequest request)
    {
        request.GivenName = GivenName;
        request.Surname = Surname;
        request.SamAccountName = SamAccountName;
        request.UserPrincipalName = UserPrincipalName;
        request.Password = Password;
        request.PrimarySmtpAddress = PrimarySmtpAddress?.Trim();
        request.SkipAddressCheck = SkipAddressCheck;
    }
}
