using System;

namespace MessagingProvider.Output;

/// <summary>A "N days before" notification that is due; pipe it into Send-Notification.</summary>
public sealed class DueNotification
{
    public string IdentityStore { get; set; } = "";
    public string Event { get; set; } = "";

    /// <summary>The group (or user) as it was piped in.</summary>
    public object? Object { get; set; }

    /// <summary>The temporary member or additional owner/manager as it was piped in.</summary>
    public object? Member { get; set; }

    public DateTime ExpirationDate { get; set; }
    public int DaysLeft { get; set; }
}
