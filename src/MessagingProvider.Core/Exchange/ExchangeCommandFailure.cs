using System.Linq;
using System.Management.Automation;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.Remoting;

namespace MessagingProvider.Exchange;

/// <summary>An error Exchange reported (the command ran): named after the server, never a reason to fail over.</summary>
public static class ExchangeCommandFailure
{
    public static void ThrowIfFailed(ExchangeRunResult result, ExchangeCommand command, object? target)
    {
        if (result.Errors.Count == 0) return;
        ErrorRecord first = result.Errors[0];
        string more = result.Errors.Count > 1 ? $" ({result.Errors.Count - 1} more error(s) followed.)" : "";
        throw new MessagingProviderException(ErrorIds.ExchangeCommandFailed, KindOf(first.CategoryInfo.Category),
            $"Exchange server '{result.Server}' reported an error from {command.Name}: {first.Exception?.Message ?? first.ToString()}{more}",
            target, first.Exception);
    }

    private static ErrorKind KindOf(ErrorCategory category) => category switch
    {
        ErrorCategory.ResourceExists => ErrorKind.AlreadyExists,
        ErrorCategory.ObjectNotFound => ErrorKind.NotFound,
        ErrorCategory.InvalidArgument => ErrorKind.InvalidArgument,
        ErrorCategory.InvalidData => ErrorKind.InvalidData,
        ErrorCategory.PermissionDenied => ErrorKind.PermissionDenied,
        ErrorCategory.SecurityError => ErrorKind.SecurityError,
        _ => ErrorKind.InvalidOperation,
    };
}
