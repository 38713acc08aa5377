namespace MessagingProvider.Notifications;

/// <summary>What happened to one message on the wire.</summary>
public sealed class SendOutcome
{
    public bool Sent { get; set; }
    public int Attempts { get; set; }
    public string? ServerReply { get; set; }

    /// <summary>For a failure: the stable error id and an actionable reason.</summary>
    public Smtp.SmtpStageException? Failure { get; set; }
}
