using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Creates users with a mailbox the way the identity store's create method says: New-Mailbox
/// (New-RemoteMailbox when Hybrid) creates the account too; with the method Enable the account
/// already exists in the directory and is mail-enabled. -Password only when Exchange creates it.
/// </summary>
[Cmdlet(VerbsCommon.New, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledUserCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserPrincipalName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationalUnit { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    protected override void ProcessRecord() => Provision(new MailEnabledObjectRequest
    {
        Kind = MailEnabledObjectKind.User,
        Mode = MailEnabledObjectMode.New,
        Identity = Name,
        Name = Name,
        Alias = Alias,
        GivenName = GivenName,
        Surname = Surname,
        SamAccountName = SamAccountName,
        UserPrincipalName = UserPrincipalName,
        DisplayName = DisplayName,
        OrganizationalUnit = OrganizationalUnit,
        Password = Password,
    });
}
