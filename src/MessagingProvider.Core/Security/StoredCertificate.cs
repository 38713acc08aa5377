using System;

namespace MessagingProvider.Security;

/// <summary>A certificate imported into the store: the PKCS#12 bytes and password are both protected.</summary>
public sealed class StoredCertificate
{
    public string Thumbprint { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset NotAfter { get; set; }

    public ProtectedSecret Pfx { get; set; } = new ProtectedSecret();

    public ProtectedSecret? Password { get; set; }
}
