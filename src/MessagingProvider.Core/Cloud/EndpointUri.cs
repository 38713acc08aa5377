using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Cloud;

/// <summary>Validates an endpoint override: an absolute https URI without query or fragment.</summary>
public static class EndpointUri
{
    /// <summary>
    /// Null or empty means "no override"; otherwise the normalized URI: a base ending with '/',
    /// or with <paramref name="keepPath"/> the exact URL (a token endpoint such as https://oauth2.googleapis.com/token).
    /// </summary>
    public static Uri? RequireOverride(string? value, string parameter, bool keepPath = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        string trimmed = value!.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new MessagingProviderException(ErrorIds.InvalidEndpoint, ErrorKind.InvalidArgument,
                $"'{value}' is not a valid -{parameter}. Give an https URL such as https://login.microsoftonline.us or https://oauth2.googleapis.com/token (no query string), or an empty string to use the cloud's own endpoint.", value);
        }

        string text = uri.GetLeftPart(UriPartial.Path);
        if (keepPath) return new Uri(text);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }
}
