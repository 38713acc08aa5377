namespace MessagingProvider.Output;

public enum SmtpStageOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One stage of Test-SmtpServer.</summary>
public sealed class SmtpTestStageResult
{
    public string Stage { get; set; } = "";
    public SmtpStageOutcome Outcome { get; set; }
    public long Milliseconds { get; set; }
    public string? Detail { get; set; }

    public override string ToString() => $"{Stage}: {Outcome}";
}
