using System;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>The Exchange cmdlet that removes a recipient, or takes its mail attributes away (Disable-*), by its type.</summary>
public static class ExchangeRemovalCommands
{
    /// <param name="recipientTypeDetails">What the read before found (UserMailbox, MailUser…).</param>
    public static ExchangeCommand For(MailEnabledObjectKind kind, string? recipientTypeDetails, string identity, bool disable)
    {
        string verb = disable ? "Disable-" : "Remove-";
        string type = recipientTypeDetails ?? "";
        string noun = kind switch
        {
            MailEnabledObjectKind.Group => "DistributionGroup",
            MailEnabledObjectKind.Contact => "MailContact",
            _ when type.StartsWith("Remote", StringComparison.OrdinalIgnoreCase) => "RemoteMailbox",
            _ when type.EndsWith("Mailbox", StringComparison.OrdinalIgnoreCase) => "Mailbox",
            _ => "MailUser",
        };
        // Exchange asks before it removes; nobody can answer in a remote session (this module asked already).
        return new ExchangeCommand(verb + noun).With("Identity", identity).With("Confirm", false);
    }

    /// <summary>The read that shows a removal or disable was done: the mail-enabled object of that identity is gone.</summary>
    public static FailoverCheck Done(MailEnabledObjectKind kind, string identity) => FailoverCheck.Gone(ExchangeRecipientQueries.Read(kind, identity));
}
