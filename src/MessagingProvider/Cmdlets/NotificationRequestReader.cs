using System;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Notifications;
using MessagingProvider.Output;
using MessagingProvider.Readiness;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>A notification request from what Send-Notification or Get-NotificationPreview was given.</summary>
internal static class NotificationRequestReader
{
    public static NotificationRequest Read(NotificationEvent notificationEvent, object inputObject, object[]? members, object? changedBy, DateTime? expirationDate, string[]? to, string[]? cc)
    {
        object input = inputObject is PSObject pso ? pso.BaseObject : inputObject;
        if (notificationEvent == NotificationEvent.ReadinessFindings && Findings(input) is { Count: > 0 } findings)
        {
            return ReadinessNotification.Build(findings, RecipientAddresses.Parse(to, "To"), RecipientAddresses.Parse(cc, "Cc"));
        }

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

    /// <summary>The readiness findings in what was given: one finding, or an array of them (Get-NotificationPreview -InputObject $findings).</summary>
    private static List<ReadinessFinding>? Findings(object input)
    {
        if (input is ReadinessFinding one) return new List<ReadinessFinding> { one };
        if (input is not object[] many) return null;
        var findings = new List<ReadinessFinding>();
        foreach (object item in many)
        {
            if ((item is PSObject p ? p.BaseObject : item) is not ReadinessFinding finding) return null;
            findings.Add(finding);
        }

        return findings;
    }
}
