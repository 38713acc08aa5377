using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.Configuration.Portable;

/// <summary>What an export file's secrets are protected with: a password, or certificates whose holders can read it.</summary>
public sealed class StoreExportProtection
{
    public SecureString? Password { get; set; }

    public IReadOnlyList<X509Certificate2> Certificates { get; set; } = new List<X509Certificate2>();
}
