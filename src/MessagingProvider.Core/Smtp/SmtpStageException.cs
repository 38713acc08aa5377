using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Smtp;

/// <summary>A failure at one stage, with a reason a person can act on and the server's reply if any.</summary>
public sealed class SmtpStageException : MessagingProviderException
{
    public SmtpStageException(SmtpStage stage, string errorId, ErrorKind kind, string message, object? target, Exception? inner = null, string? serverReply = null)
        : base(errorId, kind, message, target, inner)
    {
        Stage = stage;
        ServerReply = serverReply;
    }

    public SmtpStage Stage { get; }

    public string? ServerReply { get; }
}
