using System;
using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.Output;

/// <summary>Send-EntraSmtpTestMessage's outcome: the stages of the SMTP session as the signed-in mailbox, and the server's reply.</summary>
public sealed class EntraSmtpClientTestResult
{
    public string IdentityStore { get; set; } = "";
    public string Mailbox { get; set; } = "";
    public string[] To { get; set; } = Array.Empty<string>();
    public string SmartHost { get; set; } = "";
    public int Port { get; set; }
    public bool Succeeded { get; set; }
    public string? FailedStage { get; set; }
    public string? Reason { get; set; }
    public string? ErrorId { get; set; }
    public List<SmtpTestStageResult> Stages { get; set; } = new List<SmtpTestStageResult>();
    public string? AuthMechanism { get; set; }
    public string? ServerReply { get; set; }
    public string? MessageId { get; set; }
    public DateTimeOffset Time { get; set; }

    /// <summary>Enable-EntraSmtpClient will accept now (the test passed with the current settings).</summary>
    public bool ReadyToEnable { get; set; }

    public static EntraSmtpClientTestResult From(string identityStore, SmtpServerTestResult test, DateTimeOffset time) => new EntraSmtpClientTestResult
    {
        IdentityStore = identityStore,
        To = test.TestRecipients.ToArray(),
        SmartHost = test.Server,
        Port = test.Port,
        Succeeded = test.Succeeded,
        FailedStage = test.FailedStage,
        Reason = test.Reason,
        ErrorId = test.ErrorId,
        Stages = test.Stages,
        AuthMechanism = test.AuthMechanism,
        ServerReply = test.ServerReply,
        MessageId = test.MessageId,
        Time = time,
        ReadyToEnable = test.Succeeded,
    };
}
