namespace MessagingProvider.Errors;

/// <summary>Error ids of Test-MessagingReadiness.</summary>
public static class ReadinessErrorIds
{
    /// <summary>Microsoft Graph refused to show the app registration (no Application.Read.All).</summary>
    public const string AppRegistrationReadDenied = "AppRegistrationReadDenied";

    /// <summary>Microsoft Graph answered reading the app registration with another error.</summary>
    public const string AppRegistrationReadFailed = "AppRegistrationReadFailed";

    /// <summary>The HTML report could not be written to -Path.</summary>
    public const string ReadinessReportUnwritable = "ReadinessReportUnwritable";

    /// <summary>Send-Notification -Event ReadinessFindings got something else than a readiness finding.</summary>
    public const string ReadinessFindingExpected = "ReadinessFindingExpected";
}
