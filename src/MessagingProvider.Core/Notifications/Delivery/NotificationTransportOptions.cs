using System;
using MessagingProvider.Cloud;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>Retry limits and callbacks every transport gets from Send-Notification.</summary>
public sealed class NotificationTransportOptions
{
    /// <summary>Tries per message: SMTP 4xx replies and dropped connections, Graph 429/503/504.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off (doubled per attempt) when the server names no wait of its own.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Verbose messages; always called on the thread that calls Send (a cmdlet may write only there).</summary>
    public Action<string>? Verbose { get; set; }

    /// <summary>Innermost HTTP handler for the cloud clients; null in production.</summary>
    public HttpHandlerFactory? HttpHandlerFactory { get; set; }
}
