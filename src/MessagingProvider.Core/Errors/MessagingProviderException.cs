using System;

namespace MessagingProvider.Errors;

/// <summary>
/// A failure the user can act on. <see cref="ErrorId"/> is stable (it becomes the first part of
/// the FullyQualifiedErrorId) and <see cref="Message"/> says what to do.
/// </summary>
public class MessagingProviderException : Exception
{
    public MessagingProviderException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    public object? Target { get; }
}
