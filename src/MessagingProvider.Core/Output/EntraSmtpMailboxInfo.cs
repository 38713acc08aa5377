using System;

namespace MessagingProvider.Output;

/// <summary>The mailbox Connect-EntraSmtpMailbox signed in: who, and until when the delegated token lasts (never the token).</summary>
public sealed class EntraSmtpMailboxInfo
{
    public string IdentityStore { get; set; } = "";
    public string MailboxUser { get; set; } = "";
    public DateTimeOffset SignedIn { get; set; }

    /// <summary>When the access token expires; later sends renew it with the cached refresh token.</summary>
    public DateTimeOffset TokenExpiresOn { get; set; }

    public string TokenCachePath { get; set; } = "";
}
