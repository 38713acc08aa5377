namespace MessagingProvider.Output;

/// <summary>One progress report of a long Core operation (a cmdlet's Write-Progress).</summary>
public sealed class OperationProgress
{
    public OperationProgress(int id, string activity, string status)
    {
        Id = id;
        Activity = activity;
        Status = status;
    }

    public int Id { get; }

    public string Activity { get; }

    public string Status { get; set; }

    /// <summary>0..100, or -1 when unknown.</summary>
    public int PercentComplete { get; set; } = -1;

    public bool Completed { get; set; }
}
