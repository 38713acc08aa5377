using System;
using System.Management.Automation;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>A notification request from what Send-Notification or Get-NotificationPreview was given.</summary>
internal static class NotificationRequestReader
{
    public static NotificationRequest Read(NotificationEvent notificationEvent, object inputObject, object[]? members, object? changedBy, DateTime? expirationDate, string[]? to, string[]? cc)
    {
        object input = inputObject is PSObject pso ? pso.BaseObject : inputObject;
        var request = new NotificationRequest
        {
            Event = notificationEvent,
            ChangedBy = changedBy is null ? null : DirectoryObjectReader.Read(changedBy),
            ExpirationDate = expirationDate,
            To = RecipientAddresses.Parse(to, "To"),
            Cc = RecipientAddresses.Parse(cc, "Cc"),
        };
        if (input is DueNotification due)
        {
            request.Target = DirectoryObjectReader.Read(due.Object);
            if (due.Member is not null) request.Members.Add(DirectoryObjectReader.Read(due.Member));
            request.ExpirationDate = due.ExpirationDate;
            request.DaysLeft = due.DaysLeft;
        }
        else
        {
            request.Target = DirectoryObjectReader.Read(inputObject);
        }

        foreach (object member in members ?? Array.Empty<object>()) request.Members.Add(DirectoryObjectReader.Read(member));
        return request;
    }
}
