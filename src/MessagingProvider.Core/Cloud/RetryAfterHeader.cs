using System;
using System.Globalization;
using System.Net.Http;

namespace MessagingProvider.Cloud;

public static class RetryAfterHeader
{
    /// <summary>Retry-After as delta-seconds or an HTTP date; null when absent.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            foreach (string value in values)
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)) return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }
}
