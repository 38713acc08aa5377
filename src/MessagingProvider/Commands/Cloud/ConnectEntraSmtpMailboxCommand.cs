using System;
using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Signs in as the Entra ID SMTP client's dedicated mailbox with the device-code flow: the code and
/// the URL reach the person as a warning (as Connect-AzAccount shows them), and the refresh token
/// stays in the store's encrypted cache so later sends need nobody.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "EntraSmtpMailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpMailboxInfo))]
public sealed class ConnectEntraSmtpMailboxCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
            if (!ShouldProcess(document.Name, "Sign in to the mailbox of the Microsoft Entra ID SMTP client with a device code")) return;

            MailboxLogon logon = EntraSmtpClientEndpoint.Logon(Store, document);
            WriteVerbose($"Requesting a device code from {settings.AuthorityHost}{settings.TenantId} for app {settings.ClientId} (delegated permission {MailboxLogon.SmtpScopeFor(new System.Uri(settings.AuthorityHost))}).");
            MailboxToken token = RunAsync((streams, token) => logon.SignInAsync(streams.Warning, token));

            DateTimeOffset signedIn = DateTimeOffset.UtcNow;
            bool wasEnabled = false;
            Store.Update(document.Name, d =>
            {
                EntraSmtpClientSettings current = EntraSmtpClientChanges.Require(d);
                wasEnabled = current.Enabled;
                current.MailboxUser = token.UserName;
                current.SignedIn = signedIn;
                current.Enabled = false;
            }, CancellationToken);
            WriteVerbose($"Signed in as {token.UserName}; the refresh token is kept encrypted in '{Store.TokenCachePath(document.Name)}'.");
            if (wasEnabled)
            {
                WriteWarning($"The Entra ID SMTP client of '{document.Name}' is now disabled because of the new mailbox sign-in. Send a test message with Send-EntraSmtpTestMessage, then run Enable-EntraSmtpClient.");
            }

            WriteObject(new EntraSmtpMailboxInfo
            {
                IdentityStore = document.Name,
                MailboxUser = token.UserName,
                SignedIn = signedIn,
                TokenExpiresOn = token.ExpiresOn,
                TokenCachePath = Store.TokenCachePath(document.Name),
            });
        });
    }
}
