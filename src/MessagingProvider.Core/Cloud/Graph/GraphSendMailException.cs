using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Cloud.Graph;

/// <summary>Microsoft Graph answered sendMail with an error: the HTTP status and how many attempts were made.</summary>
public sealed class GraphSendMailException : MessagingProviderException
{
    public GraphSendMailException(string errorId, ErrorKind kind, string message, string from, int statusCode, string? code, int attempts, Exception? inner = null)
        : base(errorId, kind, message, from, inner)
    {
        StatusCode = statusCode;
        Code = code;
        Attempts = attempts;
    }

    public int StatusCode { get; }

    /// <summary>Graph's error code, e.g. ErrorAccessDenied.</summary>
    public string? Code { get; }

    public int Attempts { get; }

    /// <summary>
    /// True when the answer concerns the request itself (mailbox, permission, recipients,
    /// throttling): other messages may still go. A 401 means the token is not accepted at all.
    /// </summary>
    public bool IsPerMessage => StatusCode != 401;
}
