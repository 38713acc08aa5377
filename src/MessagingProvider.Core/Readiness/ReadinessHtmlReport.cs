using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using MessagingProvider.Output;

namespace MessagingProvider.Readiness;

/// <summary>
/// The readiness report as one self-contained HTML page (inline styles, no scripts, no external
/// resources), grouped by identity store, so it can be mailed or opened anywhere.
/// </summary>
public static class ReadinessHtmlReport
{
    private const string Style = @"
body { font-family: 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', Arial, sans-serif; margin: 24px; color: #1b1b1b; background: #fafafa; }
h1 { font-size: 22px; margin: 0 0 4px 0; }
.meta { color: #555; font-size: 13px; margin-bottom: 16px; }
.summary span { display: inline-block; margin-right: 12px; padding: 4px 10px; border-radius: 12px; font-size: 13px; font-weight: 600; }
h2 { font-size: 18px; margin: 24px 0 8px 0; border-bottom: 2px solid #0f6cbd; padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid #d6d6d6; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
.sev { font-weight: 700; white-space: nowrap; border-radius: 4px; padding: 2px 6px; }
.Critical { background: #fde7e9; color: #a4262c; }
.Warning { background: #fff4ce; color: #7a5b00; }
.Information { background: #e5f1fb; color: #0f548c; }
.due { white-space: nowrap; }
.none { color: #107c10; font-weight: 600; }
.skipped { color: #555; font-size: 13px; }
";

    public static string Render(ReadinessReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Messaging readiness report</title>\n<style>")
            .Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Messaging readiness report</h1>\n<div class=\"meta\">Generated ")
            .Append(E(report.Generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" &middot; expiries within ").Append(report.ExpiringWithinDays.ToString(CultureInfo.InvariantCulture)).Append(" days")
            .Append(report.Offline ? " &middot; offline (network checks skipped)" : "").Append("</div>\n");
        html.Append("<div class=\"summary\">");
        foreach (ReadinessSeverity severity in new[] { ReadinessSeverity.Critical, ReadinessSeverity.Warning, ReadinessSeverity.Information })
        {
            int count = report.Findings.Count(f => f.Severity == severity);
            html.Append("<span class=\"").Append(severity).Append("\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(severity).Append("</span>");
        }

        html.Append("</div>\n");
        foreach (string store in report.IdentityStores)
        {
            html.Append("<h2>Identity store ").Append(E(store)).Append("</h2>\n");
            var findings = report.Findings.Where(f => f.IdentityStore == store).ToList();
            if (findings.Count == 0) html.Append("<p class=\"none\">Nothing found that a known platform change or expiry will break.</p>\n");
            else
            {
                html.Append("<table>\n<tr><th>Severity</th><th>Due</th><th>Setting</th><th>What breaks</th><th>Fix</th></tr>\n");
                foreach (ReadinessFinding f in findings)
                {
                    html.Append("<tr><td><span class=\"sev ").Append(f.Severity).Append("\">").Append(f.Severity).Append("</span></td><td class=\"due\">")
                        .Append(f.DueDate is { } due ? E(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "&ndash;").Append("</td><td>")
                        .Append(E(f.Subject)).Append("<br><small>").Append(f.Check).Append("</small></td><td>")
                        .Append(E(f.WhatBreaks)).Append("</td><td>").Append(E(f.Fix)).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }

            var skipped = report.Skipped.Where(s => s.IdentityStore == store).ToList();
            if (skipped.Count > 0)
            {
                html.Append("<p class=\"skipped\">Skipped checks:</p>\n<ul class=\"skipped\">\n");
                foreach (ReadinessSkippedCheck s in skipped) html.Append("<li>").Append(s.Check).Append(": ").Append(E(s.Reason)).Append("</li>\n");
                html.Append("</ul>\n");
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
