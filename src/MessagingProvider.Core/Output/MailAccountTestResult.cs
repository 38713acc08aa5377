using System;

namespace MessagingProvider.Output;

public enum MailProtocol
{
    Imap,
    Smtp,
}

public enum MailTestStage
{
    Dns,
    Tcp,
    Tls,
    Login,
    Folders,
    Unread,
    Send,
}

public enum MailTestStageStatus
{
    Passed,
    Failed,
    /// <summary>Not run: an earlier stage failed, or the stage does not apply (TLS with TlsMode None).</summary>
    Skipped,
}

public sealed class MailAccountTestStageResult
{
    public MailProtocol Protocol { get; set; }
    public MailTestStage Stage { get; set; }
    public MailTestStageStatus Status { get; set; }
    public TimeSpan Duration { get; set; }
    public string Detail { get; set; } = "";
}

/// <summary>What Test-MailAccount found, stage by stage: DNS, TCP, TLS, then the protocol's own steps.</summary>
public sealed class MailAccountTestResult
{
    public string IdentityStore { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public string MailServer { get; set; } = "";
    public string Login { get; set; } = "";
    public bool Succeeded { get; set; }
    /// <summary>The first stage that failed, as "Imap/Login".</summary>
    public string? FailedStage { get; set; }
    public MailAccountTestStageResult[] Stages { get; set; } = Array.Empty<MailAccountTestStageResult>();
    public string[]? Folders { get; set; }
    public int? UnreadCount { get; set; }
    public bool? MessageSent { get; set; }
}
