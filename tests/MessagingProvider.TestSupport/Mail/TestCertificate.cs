using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.TestSupport;

/// <summary>A self-signed server certificate for 127.0.0.1/localhost that the tests trust explicitly.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public string Thumbprint => Certificate.Thumbprint;

    /// <summary>The SHA-256 thumbprint (upper-case hex), the form the module reports and recommends pinning.</summary>
    public string Sha256Thumbprint => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Certificate.RawData));

    /// <param name="includeLocalhost">Whether "localhost" is a subject name (127.0.0.1 always is).</param>
    public static TestCertificate Create(string commonName, bool includeLocalhost)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=MessagingProvider tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(commonName);
        if (includeLocalhost) names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Round-trip through PKCS#12 so the private key is usable by SslStream/Kestrel on every platform.
        return new TestCertificate(X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable));
    }

    /// <summary>Writes PEM certificate and key files (for Postfix).</summary>
    public void WritePem(string certificatePath, string keyPath)
    {
        File.WriteAllText(certificatePath, Certificate.ExportCertificatePem() + "\n");
        using RSA key = Certificate.GetRSAPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>True only for exactly this certificate: what a test-side TLS client trusts.</summary>
    public bool Matches(X509Certificate? other) =>
        other is not null && string.Equals(Convert.ToHexString(other.GetCertHash()), Thumbprint, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Certificate.Dispose();
}
