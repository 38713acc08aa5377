using System;

namespace MessagingProvider.Readiness;

/// <summary>The dates of the Microsoft and Google platform changes the readiness checks report.</summary>
public static class PlatformDates
{
    /// <summary>Exchange Online turns SMTP AUTH with Basic authentication off by default for existing tenants (end of December 2026).</summary>
    public static readonly DateTimeOffset BasicSmtpAuthOff = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>EWS in Exchange Online is switched off tenant by tenant from this day unless allow-listed.</summary>
    public static readonly DateTimeOffset EwsSwitchOffStarts = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>EWS in Exchange Online is gone.</summary>
    public static readonly DateTimeOffset EwsRetired = new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of extended support of Exchange Server 2013.</summary>
    public static readonly DateTimeOffset Exchange2013EndOfSupport = new DateTimeOffset(2023, 4, 11, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of support of Exchange Server 2016 and 2019 (replaced by Subscription Edition).</summary>
    public static readonly DateTimeOffset Exchange2016And2019EndOfSupport = new DateTimeOffset(2025, 10, 14, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An Entra ID refresh token lapses after this long without use.</summary>
    public static readonly TimeSpan RefreshTokenInactivity = TimeSpan.FromDays(90);

    /// <summary>Google's recommended maximum age of a service-account key before rotation.</summary>
    public static readonly TimeSpan GoogleKeyRotation = TimeSpan.FromDays(90);
}
