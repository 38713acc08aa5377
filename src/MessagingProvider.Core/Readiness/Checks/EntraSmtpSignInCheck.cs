using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Readiness.Checks;

/// <summary>
/// The Entra ID SMTP client's mailbox sign-in: its refresh token lapses after 90 days without use,
/// counted from the last sign-in or successful test the store recorded.
/// </summary>
public static class EntraSmtpSignInCheck
{
    public static void Run(ReadinessContext context)
    {
        EntraSmtpClientSettings? client = context.Store.EntraSmtpClient;
        if (client?.SignedIn is not DateTimeOffset signedIn || client.MailboxUser is null) return;
        DateTimeOffset lastUse = client.LastTest is { Succeeded: true } test && test.Time > signedIn ? test.Time : signedIn;
        DateTimeOffset lapses = lastUse.Add(PlatformDates.RefreshTokenInactivity);
        if (lapses > context.Horizon) return;
        context.Add(ReadinessSeverity.Critical, ReadinessCheck.EntraSmtpSignInExpiring, $"Entra ID SMTP client mailbox {client.MailboxUser}", lapses,
            lapses <= context.Now
                ? $"The mailbox sign-in was last used on {lastUse:yyyy-MM-dd}; its refresh token lapsed after 90 days without use, so sending through the Entra ID SMTP client fails."
                : $"The mailbox sign-in was last used on {lastUse:yyyy-MM-dd}; its refresh token lapses on {lapses:yyyy-MM-dd} unless it is used before, and sending through the Entra ID SMTP client then fails.",
            "Connect-EntraSmtpMailbox to sign the mailbox in again, then Send-EntraSmtpTestMessage (and Enable-EntraSmtpClient).");
    }
}
