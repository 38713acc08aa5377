using System;
using System.Collections.Generic;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Readiness;

/// <summary>What one store's checks see and where they put their findings.</summary>
public sealed class ReadinessContext
{
    public ReadinessContext(IdentityStoreDocument store, SecretVault vault, DateTimeOffset now, int expiringWithinDays, bool offline)
    {
        Store = store;
        Vault = vault;
        Now = now;
        ExpiringWithinDays = expiringWithinDays;
        Offline = offline;
    }

    public IdentityStoreDocument Store { get; }
    public SecretVault Vault { get; }
    public DateTimeOffset Now { get; }
    public int ExpiringWithinDays { get; }
    public bool Offline { get; }

    /// <summary>The end of the period asked about: what expires before it is reported.</summary>
    public DateTimeOffset Horizon => Now.AddDays(ExpiringWithinDays);

    public List<ReadinessFinding> Findings { get; } = new List<ReadinessFinding>();
    public List<ReadinessSkippedCheck> Skipped { get; } = new List<ReadinessSkippedCheck>();

    public void Add(ReadinessSeverity severity, ReadinessCheck check, string subject, DateTimeOffset? due, string whatBreaks, string fix) =>
        Findings.Add(new ReadinessFinding
        {
            IdentityStore = Store.Name,
            Severity = severity,
            Check = check,
            Subject = subject,
            DueDate = due,
            WhatBreaks = whatBreaks,
            Fix = fix,
        });

    public void Skip(ReadinessCheck check, string reason) => Skipped.Add(new ReadinessSkippedCheck(Store.Name, check, reason));

    /// <summary>Critical when already past or within the period, Warning when later.</summary>
    public ReadinessSeverity ByDate(DateTimeOffset due) => due <= Horizon ? ReadinessSeverity.Critical : ReadinessSeverity.Warning;
}
