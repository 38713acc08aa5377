using System;
using System.Collections.Generic;

namespace MessagingProvider.Security;

/// <summary>What the TLS handshake showed about the server's certificate.</summary>
public sealed class TlsObservation
{
    public string? Subject { get; set; }
    public string? Issuer { get; set; }
    public DateTime? NotAfter { get; set; }
    public string? Thumbprint { get; set; }

    /// <summary>The SHA-256 thumbprint: what -CertificateThumbprint should pin.</summary>
    public string? Sha256Thumbprint { get; set; }

    /// <summary>Why a pinned certificate was refused all the same (expired, not yet valid, revoked); null otherwise.</summary>
    public string? PinRefusal { get; set; }

    /// <summary>Validation problems in words (empty when the certificate validated).</summary>
    public List<string> Errors { get; } = new List<string>();

    /// <summary>The chain's problems (e.g. "UntrustedRoot"), comma-separated; empty when none.</summary>
    public string ChainStatus { get; set; } = "";

    public bool NameMismatch { get; set; }

    /// <summary>Accepted only because of -SkipCertificateCheck.</summary>
    public bool AcceptedBySkip { get; set; }

    /// <summary>Accepted because its thumbprint is pinned.</summary>
    public bool AcceptedByPin { get; set; }

    public TimeSpan? ValidatedAfter { get; set; }
}
