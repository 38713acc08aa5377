using System;
using MessagingProvider.Output;
using MessagingProvider.Readiness;

namespace MessagingProvider.Core.Tests.Readiness;

public sealed class ReadinessHtmlReportTests
{
    [Fact]
    public void EveryValueIsEncodedAndNothingIsFetched()
    {
        var report = new ReadinessReport { Generated = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), ExpiringWithinDays = 30 };
        report.IdentityStores.Add("<script>alert(1)</script>");
        report.Findings.Add(new ReadinessFinding
        {
            IdentityStore = "<script>alert(1)</script>",
            Severity = ReadinessSeverity.Warning,
            Check = ReadinessCheck.GoogleKeyFile,
            Subject = "key <img src=x onerror=alert(2)>",
            WhatBreaks = "a & b",
            Fix = "\"quoted\"",
        });

        string html = ReadinessHtmlReport.Render(report);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a &amp; b", html);
        Assert.Contains("1 Warning", html);
        Assert.DoesNotContain("http", html);
    }
}
