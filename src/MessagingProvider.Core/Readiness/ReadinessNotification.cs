using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Readiness;

/// <summary>
/// Turns the findings piped into Send-Notification -Event ReadinessFindings into one notification:
/// the subject names how many and how bad, the findings variable lists them by store, most severe first.
/// </summary>
public static class ReadinessNotification
{
    public static NotificationRequest Build(IReadOnlyList<ReadinessFinding> findings, IReadOnlyList<string> to, IReadOnlyList<string> cc)
    {
        int critical = findings.Count(f => f.Severity == ReadinessSeverity.Critical);
        string stores = string.Join(", ", findings.Select(f => f.IdentityStore).Distinct(StringComparer.OrdinalIgnoreCase));
        var request = new NotificationRequest
        {
            Event = NotificationEvent.ReadinessFindings,
            Target = new DirectoryObject { Name = $"{findings.Count} finding(s), {critical} critical, in {stores}" },
            To = to,
            Cc = cc,
        };
        foreach (IGrouping<string, ReadinessFinding> store in findings.GroupBy(f => f.IdentityStore, StringComparer.OrdinalIgnoreCase))
        {
            foreach (ReadinessFinding f in store.OrderByDescending(f => f.Severity).ThenBy(f => f.DueDate ?? DateTimeOffset.MaxValue)) request.Findings.Add(Record(f));
        }

        return request;
    }

    /// <summary>A finding as the templates see it: named by its subject, every detail a property.</summary>
    private static DirectoryObject Record(ReadinessFinding finding)
    {
        var record = new DirectoryObject { Name = finding.Subject };
        record.Properties["identity_store"] = finding.IdentityStore;
        record.Properties["severity"] = finding.Severity.ToString();
        record.Properties["due_date"] = finding.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        record.Properties["check"] = finding.Check;
        record.Properties["what_breaks"] = finding.WhatBreaks;
        record.Properties["fix"] = finding.Fix;
        return record;
    }
}
