using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace MessagingProvider.Cloud.Graph;

/// <summary>An error answer of Microsoft Graph: the status, <c>error.code</c>, <c>error.message</c> and Retry-After.</summary>
internal sealed class GraphErrorAnswer
{
    private GraphErrorAnswer(int status, string? code, string message, TimeSpan? retryAfter)
    {
        StatusCode = status;
        Code = code;
        Message = message;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public string? Code { get; }

    public string Message { get; }

    public TimeSpan? RetryAfter { get; }

    public static async Task<GraphErrorAnswer> ReadAsync(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        string text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        string? code = null;
        string? message = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                if (error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.String) code = c.GetString();
                if (error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String) message = m.GetString();
            }
        }
        catch (JsonException)
        {
            // Not Graph's error JSON (a proxy's page): the reason phrase says what there is to say.
        }

        return new GraphErrorAnswer(status, code, message ?? (response.ReasonPhrase ?? $"HTTP {status}"), RetryAfterOf(response));
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is TimeSpan delta) return delta;
        if (header.Date is DateTimeOffset date)
        {
            TimeSpan left = date - DateTimeOffset.UtcNow;
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }

        return null;
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "({0} {1}): {2}", StatusCode, Code, Message);
}
