using System.Collections.Generic;
using MessagingProvider.Configuration;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>The outcome of applying a change, for the cmdlet to tell the user what it cost.</summary>
public sealed class EntraSmtpClientChangeResult
{
    public EntraSmtpClientChangeResult(EntraSmtpClientSettings settings, IReadOnlyList<string> changed, bool wasEnabled, string? discardedMailbox)
    {
        Settings = settings;
        Changed = changed;
        WasEnabled = wasEnabled;
        DiscardedMailbox = discardedMailbox;
    }

    public EntraSmtpClientSettings Settings { get; }

    /// <summary>The settings whose value changed (parameter names, e.g. "SmartHost").</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>It was enabled before and the change disabled it.</summary>
    public bool WasEnabled { get; }

    /// <summary>The mailbox whose sign-in belonged to the previous tenant, app or sign-in host and was dropped.</summary>
    public string? DiscardedMailbox { get; }
}
