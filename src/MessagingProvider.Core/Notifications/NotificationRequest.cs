using System;
using System.Collections.Generic;

namespace MessagingProvider.Notifications;

/// <summary>One event about one directory object, as Send-Notification receives it.</summary>
public sealed class NotificationRequest
{
    public NotificationEvent Event { get; set; }

    /// <summary>The object the event is about (the group or user modified).</summary>
    public DirectoryObject Target { get; set; } = new DirectoryObject();

    /// <summary>Members added/removed, or the temporary member / additional owner of a life-cycle event.</summary>
    public List<DirectoryObject> Members { get; } = new List<DirectoryObject>();

    public DirectoryObject? ChangedBy { get; set; }
    public DateTime? ExpirationDate { get; set; }
    public int? DaysLeft { get; set; }

    /// <summary>The records the event carries (the readiness findings), for the findings variable: each named, with its details as properties.</summary>
    public List<DirectoryObject> Findings { get; } = new List<DirectoryObject>();
    public IReadOnlyList<string> To { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> Cc { get; set; } = Array.Empty<string>();

    public bool IsManagedBy => Event is NotificationEvent.AdditionalOwnerAdded or NotificationEvent.AdditionalOwnerRemoved or NotificationEvent.AdditionalOwnerExpiring;

    public bool IsLifeCycle => IsManagedBy || Event is NotificationEvent.MembershipAdded or NotificationEvent.MembershipRemoved or NotificationEvent.MembershipExpiring;
}
