using System.Collections.Generic;

namespace MessagingProvider.Notifications;

/// <summary>What one try of one message (one transaction) gave.</summary>
public sealed class SendOutcome
{
    public bool Sent { get; set; }

    /// <summary>Tries this outcome stands for: 1 for SMTP; Microsoft Graph counts its own throttling retries.</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>The server's answer: an SMTP reply, or Graph's HTTP status.</summary>
    public string? ServerReply { get; set; }

    /// <summary>The id the server queued the message under ("250 2.0.0 Ok: queued as 4Q2b…").</summary>
    public string? QueueId { get; set; }

    /// <summary>For a failure: the stable error id and an actionable reason.</summary>
    public Errors.MessagingProviderException? Failure { get; set; }

    /// <summary>A failure worth trying again later: 4xx, 421, a refused, reset or timed-out connection.</summary>
    public bool Transient { get; set; }

    /// <summary>The server asked to slow down (421 4.7.x, 451 4.7.500…): wait, it is no fault of the message.</summary>
    public bool Throttled { get; set; }

    /// <summary>No connection could be made: every later message would fail the same way.</summary>
    public bool ConnectionFailed { get; set; }

    /// <summary>The whole message was written and the connection was lost before the reply: the server may have it.</summary>
    public bool Uncertain { get; set; }

    /// <summary>Recipients the server refused although it accepted the message for the others.</summary>
    public List<RefusedRecipient> Refused { get; } = new List<RefusedRecipient>();
}

/// <summary>One envelope recipient refused at RCPT TO, and whether a later try may succeed (4xx, e.g. 452 4.5.3 too many recipients).</summary>
public sealed class RefusedRecipient
{
    public RefusedRecipient(string address, string reply, bool transient)
    {
        Address = address;
        Reply = reply;
        Transient = transient;
    }

    public string Address { get; }
    public string Reply { get; }
    public bool Transient { get; }
}
