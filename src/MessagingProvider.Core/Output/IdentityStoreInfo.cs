using System;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

public sealed class IdentityStoreInfo
{
    public string Name { get; set; } = "";

    /// <summary>The name again, so that Get-IdentityStore output binds to -IdentityStore of every other cmdlet.</summary>
    public string IdentityStore => Name;

    public MessagingProviderType Provider { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Modified { get; set; }
    public string Path { get; set; } = "";
    public SecretProtectionScope ProtectionScope { get; set; }

    /// <summary>The thumbprints of the certificates a Certificate store's secrets are encrypted to.</summary>
    public string[] ProtectionCertificate { get; set; } = Array.Empty<string>();

    public static IdentityStoreInfo From(IdentityStoreDocument document, string path) => new IdentityStoreInfo
    {
        Name = document.Name,
        Provider = document.Messaging.Provider,
        Created = document.Created,
        Modified = document.Modified,
        Path = path,
        ProtectionScope = SecretProtectionSettings.ScopeOf(document.Protection),
        ProtectionCertificate = document.Protection?.Certificates.Select(c => c.Thumbprint).ToArray() ?? Array.Empty<string>(),
    };
}
