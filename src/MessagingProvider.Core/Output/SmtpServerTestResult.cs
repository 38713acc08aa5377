using System;
using System.Collections.Generic;

namespace MessagingProvider.Output;

/// <summary>The outcome of Test-SmtpServer: every stage, and the first failure with an actionable reason.</summary>
public sealed class SmtpServerTestResult
{
    public string? IdentityStore { get; set; }
    public string Server { get; set; } = "";
    public int Port { get; set; }
    public string Security { get; set; } = "";
    public string Authentication { get; set; } = "";
    public bool Succeeded { get; set; }
    public string? FailedStage { get; set; }
    public string? Reason { get; set; }
    public string? ErrorId { get; set; }
    public List<SmtpTestStageResult> Stages { get; set; } = new List<SmtpTestStageResult>();

    public string[] Addresses { get; set; } = Array.Empty<string>();
    public string? TlsProtocol { get; set; }
    public string? CipherSuite { get; set; }
    public string? CertificateSubject { get; set; }
    public string? CertificateIssuer { get; set; }
    public DateTime? CertificateExpires { get; set; }

    /// <summary>SHA-256 thumbprint of the server's certificate: the value to pin with -CertificateThumbprint.</summary>
    public string? CertificateThumbprint { get; set; }
    public string[] CertificateErrors { get; set; } = Array.Empty<string>();
    public bool CertificateCheckSkipped { get; set; }

    public string? Greeting { get; set; }
    public string[] Capabilities { get; set; } = Array.Empty<string>();
    public string[] AuthMechanisms { get; set; } = Array.Empty<string>();
    public long? MaxMessageSize { get; set; }

    public string? AuthMechanism { get; set; }
    public string[] TestRecipients { get; set; } = Array.Empty<string>();
    public string? ServerReply { get; set; }
    public string? MessageId { get; set; }
}
