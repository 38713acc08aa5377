using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Google.Apis.Http;
using Google.Apis.Util;
using MessagingProvider.Cloud;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>
/// Retries what Google asks clients to retry with exponential back-off: 429, 403 with the reason
/// rateLimitExceeded or userRateLimitExceeded, and 5xx. The waits come from Google.Apis'
/// jittered <see cref="ExponentialBackOff"/>; a longer Retry-After wins.
/// </summary>
internal sealed class GoogleRateLimitBackOffHandler : IHttpUnsuccessfulResponseHandler
{
    private readonly IBackOff _backOff;
    private readonly TimeSpan _maximumWait;
    private readonly Action<string>? _verbose;

    public GoogleRateLimitBackOffHandler(GoogleRetryPolicy policy, Action<string>? verbose)
    {
        _backOff = new ExponentialBackOff(policy.Jitter, policy.MaximumRetries);
        _maximumWait = policy.MaximumWait;
        _verbose = verbose;
    }

    public async Task<bool> HandleResponseAsync(HandleUnsuccessfulResponseArgs args)
    {
        if (!args.SupportsRetry || !await IsRetryableAsync(args.Response).ConfigureAwait(false)) return false;
        TimeSpan wait = _backOff.GetNextBackOff(args.CurrentFailedTry);
        if (wait < TimeSpan.Zero) return false;
        TimeSpan? retryAfter = RetryAfterHeader.Read(args.Response, DateTimeOffset.UtcNow);
        if (retryAfter > wait) wait = retryAfter.Value;
        if (wait > _maximumWait) return false;
        _verbose?.Invoke($"Google answered {(int)args.Response.StatusCode} to {args.Request.Method} {args.Request.RequestUri?.AbsolutePath}; retry {args.CurrentFailedTry} of {_backOff.MaxNumOfRetries} in {wait.TotalSeconds:0.##} s.");
        await Task.Delay(wait, args.CancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> IsRetryableAsync(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (status == 429 || status >= 500) return true;
        if (response.StatusCode != HttpStatusCode.Forbidden || response.Content is null) return false;
        // Buffered, so Google.Apis can still read the error after this look.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.IndexOf("\"rateLimitExceeded\"", StringComparison.Ordinal) >= 0
            || body.IndexOf("\"userRateLimitExceeded\"", StringComparison.Ordinal) >= 0;
    }
}
