using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets up a mail account. Without -MailServer the provider-domains lookup picks the server; the
/// login follows the server's login format (Manual asks for -Login).
/// </summary>
[Cmdlet(VerbsCommon.New, "MailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MailAccountInfo))]
public sealed class NewMailAccountCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = "";

    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string? MailServer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Login { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string where = MailServer is null ? "the mail server of its domain" : $"mail server '{MailServer}'";
            if (!ShouldProcess($"{EmailAddress} ({IdentityStore})", $"Create mail account on {where}")) return;
            MailAccountEntry created = new MailAccountEntry();
            IdentityStoreDocument updated = Store.Update(IdentityStore,
                d => created = MailAccountChanges.Create(d.Mail, EmailAddress, MailServer, Login, Password, Store.Secrets), CancellationToken);
            WriteVerbose($"Created the mail account '{created.EmailAddress}' on the mail server '{created.MailServer}' with the login '{created.Login}' in '{updated.Name}'.");
            WriteObject(MailAccountInfo.From(updated.Name, created));
        });
    }
}
