using System;
using System.Net;
using System.Text.Json;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// Exchange Online's error answers. A failed cmdlet comes back as
/// <c>{"error":{"code":…,"message":"&lt;code&gt;|&lt;exception type&gt;|&lt;message&gt;"}}</c>;
/// the user sees Exchange's own message, and the exception type decides the category.
/// </summary>
public static class ExchangeOnlineErrors
{
    public static MessagingProviderException FromResponse(HttpStatusCode status, string body, string commandName, string tenant)
    {
        string? serverMessage = ServerMessage(body, out string? exceptionType);
        int code = (int)status;
        if (code == 401)
        {
            return new MessagingProviderException(ErrorIds.ExchangeOnlineUnauthorized, ErrorKind.AuthenticationError,
                $"Exchange Online refused the application's token for {commandName} (401{Detail(serverMessage)}). Give the app registration the Office 365 Exchange Online application permission Exchange.ManageAsApp with admin consent, and check -Organization ({tenant}).",
                commandName);
        }

        if (code == 403)
        {
            return new MessagingProviderException(ErrorIds.ExchangeOnlinePermissionDenied, ErrorKind.PermissionDenied,
                $"Exchange Online does not allow the application to run {commandName} (403{Detail(serverMessage)}). Assign the application's service principal an Exchange role such as Exchange Administrator or Recipient Management in Microsoft Entra ID.",
                commandName);
        }

        if (serverMessage is null)
        {
            return new MessagingProviderException(ErrorIds.ExchangeCommandFailed, ErrorKind.InvalidOperation,
                $"Exchange Online answered {code} {status} to {commandName}{Excerpt(body)}.", commandName);
        }

        return new MessagingProviderException(ErrorIds.ExchangeCommandFailed, KindOf(exceptionType, code),
            $"{commandName}: {serverMessage}", commandName);
    }

    private static string Excerpt(string body)
    {
        string text = body.Trim();
        if (text.Length == 0) return "";
        return ": " + (text.Length > 300 ? text.Substring(0, 300) + "…" : text);
    }

    private static string Detail(string? message) => message is null ? "" : ": " + message;

    private static string? ServerMessage(string body, out string? exceptionType)
    {
        exceptionType = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out JsonElement error)
                || error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("message", out JsonElement message)
                || message.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string text = message.GetString() ?? "";
            string[] parts = text.Split(new[] { '|' }, 3);
            if (parts.Length == 3)
            {
                exceptionType = parts[1];
                return parts[2].Trim();
            }

            return text.Trim();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ErrorKind KindOf(string? exceptionType, int status)
    {
        string type = exceptionType ?? "";
        if (type.EndsWith("NotFoundException", StringComparison.Ordinal)) return ErrorKind.NotFound;
        if (type.IndexOf("AlreadyExists", StringComparison.Ordinal) >= 0 || type.IndexOf("ProxyAddressExists", StringComparison.Ordinal) >= 0) return ErrorKind.AlreadyExists;
        if (type.IndexOf("Validation", StringComparison.Ordinal) >= 0 || type.IndexOf("ParameterBinding", StringComparison.Ordinal) >= 0 || type.IndexOf("Argument", StringComparison.Ordinal) >= 0) return ErrorKind.InvalidArgument;
        if (type.IndexOf("AccessDenied", StringComparison.Ordinal) >= 0) return ErrorKind.PermissionDenied;
        return status >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.InvalidOperation;
    }
}
