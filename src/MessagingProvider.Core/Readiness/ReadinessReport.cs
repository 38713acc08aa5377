using System;
using System.Collections.Generic;
using MessagingProvider.Output;

namespace MessagingProvider.Readiness;

/// <summary>Everything one readiness run found, for the pipeline and the HTML report.</summary>
public sealed class ReadinessReport
{
    public DateTimeOffset Generated { get; set; }
    public int ExpiringWithinDays { get; set; }
    public bool Offline { get; set; }
    public List<string> IdentityStores { get; } = new List<string>();
    public List<ReadinessFinding> Findings { get; } = new List<ReadinessFinding>();
    public List<ReadinessSkippedCheck> Skipped { get; } = new List<ReadinessSkippedCheck>();
}
