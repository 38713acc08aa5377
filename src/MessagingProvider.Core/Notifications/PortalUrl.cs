using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications;

public static class PortalUrl
{
    public static string Require(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri.ToString();
        throw new MessagingProviderException(ErrorIds.InvalidPortalUrl, ErrorKind.InvalidArgument,
            $"'{url}' is not an absolute http or https URL. Give the portal's address, e.g. https://portal.contoso.com/, or an empty string to remove it.", url);
    }

    public static int? RequireDays(int days, string parameter)
    {
        if (days == 0) return null;
        if (days > 0 && days <= 365) return days;
        throw new MessagingProviderException(ErrorIds.InvalidDays, ErrorKind.InvalidArgument,
            $"-{parameter} must be 1-365 days, or 0 to turn the notification off.", days);
    }
}
