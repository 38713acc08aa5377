namespace MessagingProvider.Notifications;

/// <summary>What happened to one message on the wire.</summary>
public sealed class SendOutcome
{
    public bool Sent { get; set; }
    public int Attempts { get; set; }

    /// <summary>The server's answer: an SMTP reply, or Graph's HTTP status.</summary>
    public string? ServerReply { get; set; }

    /// <summary>For a failure: the stable error id and an actionable reason.</summary>
    public Errors.MessagingProviderException? Failure { get; set; }
}
