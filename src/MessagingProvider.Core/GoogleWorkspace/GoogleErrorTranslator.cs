using System;
using System.Linq;
using System.Net.Http;
using Google;
using Google.Apis.Auth.OAuth2.Responses;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Google's token and Directory API errors as errors that say what to change.</summary>
public static class GoogleErrorTranslator
{
    public static MessagingProviderException Translate(Exception error, string operation, GoogleWorkspaceSettings settings)
    {
        Exception inner = Unwrap(error);
        return inner switch
        {
            TokenResponseException token => FromToken(token, settings),
            GoogleApiException api => FromApi(api, operation, settings),
            HttpRequestException or OperationCanceledException => new MessagingProviderException(ErrorIds.GoogleUnreachable, ErrorKind.ConnectionError,
                $"Google could not be reached for {operation}: {Innermost(inner).Message} Check the network and the proxy.", operation, error),
            _ => new MessagingProviderException(ErrorIds.GoogleSignInFailed, ErrorKind.InvalidOperation,
                $"{operation} failed: {inner.Message}", operation, error),
        };
    }

    private static MessagingProviderException FromToken(TokenResponseException e, GoogleWorkspaceSettings s)
    {
        string code = e.Error?.Error ?? "";
        string description = e.Error?.ErrorDescription ?? "";
        string scopes = string.Join(",", GoogleEndpoints.Scopes);
        (string id, ErrorKind kind, string message) = code switch
        {
            "unauthorized_client" => (ErrorIds.GoogleDelegationNotGranted, ErrorKind.PermissionDenied,
                $"The service account {s.ServiceAccount} may not act for {s.AdminUser} ({code}: {description}). In the Google Admin console, under Security > Access and data control > API controls > Manage domain-wide delegation, add the service account's client ID with the scopes {scopes}."),
            "invalid_grant" when Has(description, "Invalid email or User ID") => (ErrorIds.GoogleAdminUserInvalid, ErrorKind.InvalidArgument,
                $"Google does not know the administrator {s.AdminUser} ({description}). Give an existing administrator of the Google Workspace domain with Set-MessagingProvider -AdminUser."),
            "invalid_grant" when Has(description, "iat") || Has(description, "exp") || Has(description, "timeframe") => (ErrorIds.GoogleClockSkew, ErrorKind.AuthenticationError,
                $"Google refused the signed request as out of date ({description}). Correct this computer's clock and time zone."),
            "invalid_grant" when Has(description, "Signature") || Has(description, "account not found") => (ErrorIds.GoogleKeyRejected, ErrorKind.AuthenticationError,
                $"Google refused the key {s.KeyId} of service account {s.ServiceAccount} ({description}). The key was deleted or the service account disabled: create a new key in the Google Cloud console and import it with Set-MessagingProvider -KeyPath."),
            _ => (ErrorIds.GoogleSignInFailed, ErrorKind.AuthenticationError,
                $"Google refused to sign in service account {s.ServiceAccount} as {s.AdminUser} ({code}: {description})."),
        };
        return new MessagingProviderException(id, kind, message, s.ServiceAccount, e);
    }

    private static MessagingProviderException FromApi(GoogleApiException e, string operation, GoogleWorkspaceSettings s)
    {
        int status = (int)e.HttpStatusCode;
        string reason = e.Error?.Errors?.FirstOrDefault()?.Reason ?? "";
        string text = e.Error?.Message ?? e.Message;
        if (status == 429 || reason == "rateLimitExceeded" || reason == "userRateLimitExceeded")
        {
            return new MessagingProviderException(ErrorIds.GoogleRateLimited, ErrorKind.ResourceBusy,
                $"{operation}: Google's Directory API is rate-limiting the requests ({text}) and retrying did not help. Try again later, or run fewer commands at once.", operation, e);
        }

        (ErrorKind kind, string advice) = status switch
        {
            404 => (ErrorKind.NotFound, ""),
            409 => (ErrorKind.AlreadyExists, ""),
            400 => (ErrorKind.InvalidArgument, ""),
            401 => (ErrorKind.AuthenticationError, " Check the service account's key and domain-wide delegation."),
            403 => (ErrorKind.PermissionDenied, $" {s.AdminUser} must be an administrator allowed to manage groups and users, and the delegation must include {string.Join(",", GoogleEndpoints.Scopes)}."),
            _ when status >= 500 => (ErrorKind.ResourceUnavailable, " Try again later."),
            _ => (ErrorKind.InvalidOperation, ""),
        };
        return new MessagingProviderException(ErrorIds.GoogleDirectoryRequestFailed, kind, $"{operation}: {text} ({status}{(reason.Length > 0 ? " " + reason : "")}).{advice}", operation, e);
    }

    private static bool Has(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException && e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
