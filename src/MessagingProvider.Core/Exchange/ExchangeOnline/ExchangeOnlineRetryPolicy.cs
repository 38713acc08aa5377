using System;
using System.Net.Http;
using MessagingProvider.Cloud;

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

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => RetryAfterHeader.Read(response, now);
}
