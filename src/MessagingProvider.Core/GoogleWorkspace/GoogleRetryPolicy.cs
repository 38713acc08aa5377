using System;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Google's recommended truncated exponential back-off: 1, 2, 4… s plus random jitter.</summary>
public sealed class GoogleRetryPolicy
{
    public int MaximumRetries { get; set; } = 5;

    /// <summary>Bounds the random jitter added to each wait (Google.Apis allows up to 1 s).</summary>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A single wait longer than this (back-off or Retry-After) is not waited for.</summary>
    public TimeSpan MaximumWait { get; set; } = TimeSpan.FromSeconds(64);
}
