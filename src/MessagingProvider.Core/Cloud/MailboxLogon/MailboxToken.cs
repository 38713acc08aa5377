using System;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>A delegated token of the dedicated mailbox, for SMTP XOAUTH2 (user=<see cref="UserName"/>).</summary>
public sealed class MailboxToken
{
    public MailboxToken(string userName, string accessToken, DateTimeOffset expiresOn)
    {
        UserName = userName;
        AccessToken = accessToken;
        ExpiresOn = expiresOn;
    }

    public string UserName { get; }

    public string AccessToken { get; }

    public DateTimeOffset ExpiresOn { get; }
}
