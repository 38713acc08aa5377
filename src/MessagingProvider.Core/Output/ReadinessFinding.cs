using System;
using MessagingProvider.Readiness;

namespace MessagingProvider.Output;

/// <summary>
/// One thing in an identity store that a platform change or an expiry will break: how bad, by
/// when, what stops working, and what to do. Test-MessagingReadiness writes these.
/// </summary>
public sealed class ReadinessFinding
{
    public string IdentityStore { get; set; } = "";
    public ReadinessSeverity Severity { get; set; }
    public ReadinessCheck Check { get; set; }
    /// <summary>The setting the finding is about ("SMTP server smtp.office365.com:587").</summary>
    public string Subject { get; set; } = "";
    /// <summary>The date that matters (switch-off, end of support, expiry); null when there is none.</summary>
    public DateTimeOffset? DueDate { get; set; }
    public string WhatBreaks { get; set; } = "";
    public string Fix { get; set; } = "";

    public override string ToString() => $"{Severity} {IdentityStore}: {Subject} ({Check})";
}
