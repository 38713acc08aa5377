using System;
using System.Globalization;
using System.Net.Http;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// How long to wait after a 429 or 503: what Retry-After says, else an exponential back-off;
/// a bounded number of times, and never longer than <see cref="MaximumDelay"/> at once.
/// </summary>
public sealed class ExchangeOnlineRetryPolicy
{
    public int MaximumRetries { get; set; } = 4;

    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan FirstBackOff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null when the policy gives up.</summary>
    public TimeSpan? DelayBefore(int retry, HttpResponseMessage response, DateTimeOffset now)
    {
        if (retry > MaximumRetries) return null;
        TimeSpan delay = RetryAfter(response, now) ?? TimeSpan.FromTicks(FirstBackOff.Ticks << Math.Min(retry - 1, 10));
        return delay > MaximumDelay ? null : delay;
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
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
