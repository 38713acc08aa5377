using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Cmdlets;
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
public sealed class NewMailEnabledUserCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly NewObjectParameters _object = new NewObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();

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

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.User, AddDetails);

    private void AddDetails(MailEnabledObjectRequest request)
    {
        request.GivenName = GivenName;
        request.Surname = Surname;
        request.SamAccountName = SamAccountName;
        request.UserPrincipalName = UserPrincipalName;
        request.Password = Password;
    }
}
