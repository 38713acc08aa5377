using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Smtp;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// The Microsoft Entra ID SMTP client of an identity store as things that connect: the mailbox
/// logon (MSAL with the store's encrypted token cache) and the SMTP endpoint that sends as the
/// signed-in mailbox with SMTP XOAUTH2.
/// </summary>
public static class EntraSmtpClientEndpoint
{
    /// <summary>
    /// The smart host, sending as the signed-in mailbox with its delegated token (silently from the
    /// cache, renewed with the refresh token when expired or refused). Throws
    /// <see cref="ErrorIds.EntraSmtpClientNotConfigured"/> or <see cref="ErrorIds.MailboxLogonRequired"/>.
    /// Whether the client is enabled is the caller's question (<see cref="RequireEnabled"/>).
    /// </summary>
    public static SmtpEndpoint Create(ConfigurationStore store, IdentityStoreDocument document)
    {
        EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
        string mailbox = settings.MailboxUser ?? throw new MessagingProviderException(ErrorIds.MailboxLogonRequired, ErrorKind.AuthenticationError,
            $"Nobody has signed in to the mailbox of the Entra ID SMTP client of '{document.Name}'. Run Connect-EntraSmtpMailbox -IdentityStore '{document.Name}' and sign in as the dedicated mailbox.", document.Name);
        MailboxLogon logon = Logon(store, document);
        return new SmtpEndpoint
        {
            Server = settings.SmartHost,
            Port = settings.Port,
            From = mailbox,
            Security = settings.Security,
            Authentication = SmtpAuthentication.OAuth2,
            Scope = logon.Scope,
            SkipCertificateCheck = settings.SkipCertificateCheck,
            CertificateThumbprints = settings.CertificateThumbprints.ToList(),
            TokenCallback = (forceNew, cancellationToken) => DelegatedTokenAsync(logon, mailbox, forceNew, cancellationToken),
        };
    }

    /// <summary>The device-code sign-in and the silent renewals of the store's mailbox.</summary>
    public static MailboxLogon Logon(ConfigurationStore store, IdentityStoreDocument document, HttpHandlerFactory? handlerFactory = null)
    {
        EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
        string name = document.Name;
        return new MailboxLogon(new Uri(settings.AuthorityHost), settings.TenantId, settings.ClientId, store.TokenCachePath(name), store.Secrets, handlerFactory,
            () => store.Lock(name), document.Protection);
    }


    /// <summary>For senders (notifications): refuses unless Enable-EntraSmtpClient turned it on.</summary>
    public static EntraSmtpClientSettings RequireEnabled(IdentityStoreDocument document)
    {
        EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
        if (settings.Enabled) return settings;
        throw new MessagingProviderException(ErrorIds.EntraSmtpClientNotEnabled, ErrorKind.InvalidOperation,
            $"The Entra ID SMTP client of '{document.Name}' is not enabled. Send a test message with Send-EntraSmtpTestMessage, then run Enable-EntraSmtpClient -IdentityStore '{document.Name}'.", document.Name);
    }

    private static async Task<string> DelegatedTokenAsync(MailboxLogon logon, string mailbox, bool forceNew, CancellationToken cancellationToken)
    {
        try
        {
            return (await logon.AcquireSilentAsync(mailbox, forceNew, cancellationToken).ConfigureAwait(false)).AccessToken;
        }
        catch (MessagingProviderException e) when (!(e is SmtpStageException))
        {
            // The SMTP stages report failures as stage exceptions: this one is the AUTH stage's.
            throw new SmtpStageException(SmtpStage.Auth, e.ErrorId, e.Kind, e.Message, e.Target, e);
        }
    }
}
