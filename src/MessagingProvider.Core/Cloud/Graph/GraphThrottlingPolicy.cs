using System;

namespace MessagingProvider.Cloud.Graph;

/// <summary>
/// Bounded waits for 429/503/504 from sendMail: Retry-After when Graph gives one, else 1, 2, 4… s;
/// never more than <see cref="MaxAttempts"/> requests, and a wait longer than
/// <see cref="MaximumDelay"/> fails the message instead of stalling the pipeline.
/// </summary>
public sealed class GraphThrottlingPolicy
{
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan FirstBackOff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromMinutes(2);

    public static bool IsRetryable(int statusCode) => statusCode == 429 || statusCode == 503 || statusCode == 504;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, or null when the policy gives up.</summary>
    public TimeSpan? DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (attempt >= MaxAttempts) return null;
        TimeSpan delay = retryAfter ?? TimeSpan.FromTicks(FirstBackOff.Ticks << Math.Min(attempt - 1, 10));
        return delay > MaximumDelay ? null : delay;
    }
}
