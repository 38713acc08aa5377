using System;
using System.Collections.Generic;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

/// <summary>How an identity store's secrets are protected at rest; absent means <see cref="SecretProtectionScope.CurrentUser"/>.</summary>
public sealed class SecretProtectionSettings
{
    public SecretProtectionScope Scope { get; set; } = SecretProtectionScope.CurrentUser;

    /// <summary>The recipients of a <see cref="SecretProtectionScope.Certificate"/> store: public certificates only.</summary>
    public List<ProtectionCertificate> Certificates { get; set; } = new List<ProtectionCertificate>();

    /// <summary>The group that may read the machine key of a <see cref="SecretProtectionScope.LocalMachine"/> store on Linux and macOS (for display; the key file's group is what counts).</summary>
    public string? KeyGroup { get; set; }

    public static SecretProtectionScope ScopeOf(SecretProtectionSettings? settings) => settings?.Scope ?? SecretProtectionScope.CurrentUser;
}

/// <summary>A certificate secrets are encrypted to; the DER is kept so new secrets can be protected without the certificate file.</summary>
public sealed class ProtectionCertificate
{
    public string Thumbprint { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset NotAfter { get; set; }

    /// <summary>Base64 of the public certificate (DER).</summary>
    public string Data { get; set; } = "";
}
