using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Shows an identity store's Entra ID SMTP client: the secret masked, the signed-in mailbox, Enabled and the last test.</summary>
[Cmdlet(VerbsCommon.Get, "EntraSmtpClient")]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class GetEntraSmtpClientCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            WriteObject(EntraSmtpClientInfo.Create(document.Name, EntraSmtpClientChanges.Require(document), Store.TokenCachePath(document.Name)));
        });
    }
}
