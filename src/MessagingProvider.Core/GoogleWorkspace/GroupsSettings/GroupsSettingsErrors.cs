using System;
using System.Text.Json;
using Google.Apis.Auth.OAuth2.Responses;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.GoogleWorkspace.GroupsSettings;

/// <summary>The Groups Settings API's refusals as errors that say what to change.</summary>
public static class GroupsSettingsErrors
{
    /// <summary>
    /// unauthorized_client or access_denied for a token that adds the Groups Settings scope: the
    /// Directory API scopes are granted (or the commands before would fail), this one is not.
    /// Any other token error is the sign-in's own (GoogleErrorTranslator).
    /// </summary>
    public static MessagingProviderException FromToken(TokenResponseException e, GoogleWorkspaceSettings settings)
    {
        string code = e.Error?.Error ?? "";
        if (code != "unauthorized_client" && code != "access_denied") return GoogleErrorTranslator.Translate(e, "Sign in for the Groups Settings API", settings);
        return ScopeNotGranted(settings, $"{code}: {e.Error?.ErrorDescription}", e);
    }

    public static MessagingProviderException ScopeNotGranted(GoogleWorkspaceSettings settings, string detail, Exception? inner) =>
        new MessagingProviderException(ErrorIds.GroupsSettingsScopeNotGranted, ErrorKind.PermissionDenied,
            $"Google refused the scope {GoogleEndpoints.GroupsSettingsScope} to service account {settings.ServiceAccount} acting for {settings.AdminUser} ({detail}), so group settings (who can join, who can post, the global address list) cannot be changed. Nothing was changed. " +
            $"Grant it by domain-wide delegation: in the Google Admin console, Security > Access and data control > API controls > Manage domain-wide delegation, edit the service account's client ID and add {GoogleEndpoints.GroupsSettingsScope} to its scopes ({string.Join(",", GoogleEndpoints.Scopes)}); " +
            "enable the Groups Settings API in the service account's Google Cloud project too.",
            settings.ServiceAccount, inner);

    public static MessagingProviderException FromResponse(int status, string body, string operation, string groupEmail, GoogleWorkspaceSettings settings)
    {
        (string message, string reason) = Read(body);
        if (status == 403 && (reason == "insufficientPermissions" || reason == "ACCESS_TOKEN_SCOPE_INSUFFICIENT"))
        {
            return ScopeNotGranted(settings, $"{status} {reason}: {message}", null);
        }

        (ErrorKind kind, string advice) = status switch
        {
            404 => (ErrorKind.NotFound, $" Google Workspace has no group {groupEmail}."),
            400 => (ErrorKind.InvalidArgument, ""),
            401 => (ErrorKind.AuthenticationError, " Check the service account's key and domain-wide delegation."),
            403 => (ErrorKind.PermissionDenied, $" {settings.AdminUser} must be an administrator allowed to manage groups, and the Groups Settings API must be enabled in the service account's project."),
            429 => (ErrorKind.ResourceBusy, " Try again later, or run fewer commands at once."),
            _ when status >= 500 => (ErrorKind.ResourceUnavailable, " Try again later."),
            _ => (ErrorKind.InvalidOperation, ""),
        };
        return new MessagingProviderException(ErrorIds.GroupsSettingsRequestFailed, kind,
            $"{operation}: {message} ({status}{(reason.Length > 0 ? " " + reason : "")}).{advice}", groupEmail);
    }

    private static (string Message, string Reason) Read(string body)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            JsonElement error = json.RootElement.GetProperty("error");
            string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "" : "";
            string reason = error.TryGetProperty("errors", out JsonElement list) && list.GetArrayLength() > 0 && list[0].TryGetProperty("reason", out JsonElement r) ? r.GetString() ?? "" : "";
            return (message, reason);
        }
        catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is System.Collections.Generic.KeyNotFoundException)
        {
            return (body.Length > 300 ? body.Substring(0, 300) : body, "");
        }
    }
}
