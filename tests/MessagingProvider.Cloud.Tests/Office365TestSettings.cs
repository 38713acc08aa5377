using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Cloud.Tests;

/// <summary>Office 365 settings as Set-MessagingProvider stores them, pointed at the stand-ins.</summary>
public sealed class Office365TestSettings : IDisposable
{
    private readonly TempDirectory _directory = new TempDirectory();

    public Office365TestSettings()
    {
        System.IO.Directory.CreateDirectory(_directory.Path);
        Vault = new SecretVault(_directory.Path);
    }

    public SecretVault Vault { get; }

    public string FilesDirectory => System.IO.Path.Combine(_directory.Path, "files");

    public Office365Settings WithSecret(EntraStandIn entra, string secret, Uri? exchangeOnline = null) => new Office365Settings
    {
        Cloud = CloudEnvironment.Global,
        Domain = "contoso.com",
        Organization = entra.Tenant,
        ApplicationId = entra.ClientId,
        ClientSecret = Vault.Protect(Secure(secret)),
        Endpoints = new Office365EndpointOverrides { AuthorityHost = entra.AuthorityHost, ExchangeOnlineEndpoint = exchangeOnline },
    };

    /// <summary>Imports a new PFX (as -CertificatePath does); the stand-in may or may not know it.</summary>
    public Office365Settings WithCertificate(EntraStandIn entra, out X509Certificate2 publicCertificate, Uri? exchangeOnline = null)
    {
        string pfx = TestCertificates.WritePfx(FilesDirectory, "mp-app-" + Guid.NewGuid().ToString("N").Substring(0, 8), "pfx-pass");
        StoredCertificate stored = CertificateImporter.Import(pfx, Secure("pfx-pass"), Vault);
        using X509Certificate2 full = Vault.OpenCertificate(stored);
        publicCertificate = X509CertificateLoader.LoadCertificate(full.Export(X509ContentType.Cert));
        return new Office365Settings
        {
            Domain = "contoso.com",
            Organization = entra.Tenant,
            ApplicationId = entra.ClientId,
            Certificate = stored,
            Endpoints = new Office365EndpointOverrides { AuthorityHost = entra.AuthorityHost, ExchangeOnlineEndpoint = exchangeOnline },
        };
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose() => _directory.Dispose();
}
