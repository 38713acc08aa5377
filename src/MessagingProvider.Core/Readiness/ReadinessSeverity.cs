namespace MessagingProvider.Readiness;

/// <summary>How urgent a readiness finding is.</summary>
public enum ReadinessSeverity
{
    /// <summary>Worth knowing; nothing breaks on a known date.</summary>
    Information,
    /// <summary>Breaks on a date ahead, or can be switched back on for now.</summary>
    Warning,
    /// <summary>Broken already, or breaks within the period asked about.</summary>
    Critical,
}
