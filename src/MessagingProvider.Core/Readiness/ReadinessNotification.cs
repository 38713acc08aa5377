using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Readiness;

/// <summary>
/// Turns the findings piped into Send-Notification -Event ReadinessFindings into one notification:
/// the subject names how many and how bad, the {Findings} placeholder lists them by store.
/// </summary>
public static class ReadinessNotification
{
    public static NotificationRequest Build(IReadOnlyList<ReadinessFinding> findings, IReadOnlyList<string> to, IReadOnlyList<string> cc)
    {
        int critical = findings.Count(f => f.Severity == ReadinessSeverity.Critical);
        string stores = string.Join(", ", findings.Select(f => f.IdentityStore).Distinct(StringComparer.OrdinalIgnoreCase));
        return new NotificationRequest
        {
            Event = NotificationEvent.ReadinessFindings,
            Target = new DirectoryObject { Name = $"{findings.Count} finding(s), {critical} critical, in {stores}" },
            Details = List(findings),
            To = to,
            Cc = cc,
        };
    }

    public static string List(IEnumerable<ReadinessFinding> findings)
    {
        var text = new StringBuilder();
        foreach (IGrouping<string, ReadinessFinding> store in findings.GroupBy(f => f.IdentityStore, StringComparer.OrdinalIgnoreCase))
        {
            if (text.Length > 0) text.Append("\r\n");
            text.Append("Identity store ").Append(store.Key).Append("\r\n");
            foreach (ReadinessFinding f in store.OrderByDescending(f => f.Severity).ThenBy(f => f.DueDate ?? DateTimeOffset.MaxValue))
            {
                text.Append("- [").Append(f.Severity).Append(']')
                    .Append(f.DueDate is { } due ? " due " + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
                    .Append(": ").Append(f.Subject).Append(" (").Append(f.Check).Append(")\r\n")
                    .Append("  What breaks: ").Append(f.WhatBreaks).Append("\r\n")
                    .Append("  Fix: ").Append(f.Fix).Append("\r\n");
            }
        }

        return text.ToString().TrimEnd('\r', '\n');
    }
}
