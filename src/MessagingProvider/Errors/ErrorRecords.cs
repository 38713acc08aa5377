using System;
using System.Management.Automation;
using MessagingProvider.Errors;

namespace MessagingProvider.Commands;

/// <summary>Turns core failures into error records with stable ids and the right category.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(MessagingProviderException exception) =>
        new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), exception.Target);

    public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target) =>
        new ErrorRecord(new InvalidOperationException(message), errorId, category, target);

    public static ErrorCategory CategoryOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.InvalidData => ErrorCategory.InvalidData,
        ErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
        ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
        ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ErrorKind.ResourceBusy => ErrorCategory.ResourceBusy,
        ErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        ErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        ErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
        ErrorKind.SecurityError => ErrorCategory.SecurityError,
        ErrorKind.NotSupported => ErrorCategory.NotImplemented,
        ErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        ErrorKind.OperationStopped => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
