namespace MessagingProvider.Errors;

/// <summary>
/// What went wrong, independent of PowerShell. The cmdlet layer maps each kind to an ErrorCategory.
/// </summary>
public enum ErrorKind
{
    InvalidArgument,
    InvalidData,
    NotFound,
    AlreadyExists,
    InvalidOperation,
    PermissionDenied,
    ResourceBusy,
    ResourceUnavailable,
    ConnectionError,
    AuthenticationError,
    SecurityError,
    NotSupported,
    OperationTimeout,
    OperationStopped,
}
