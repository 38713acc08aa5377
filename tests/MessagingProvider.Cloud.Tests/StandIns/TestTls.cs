using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.Cloud.Tests.StandIns;

/// <summary>
/// The TLS certificate of the stand-ins (made once per test run for 127.0.0.1) and the client
/// handler that trusts exactly it: the certificate is not added to any trust store.
/// </summary>
public static class TestTls
{
    private static readonly Lazy<X509Certificate2> Lazy = new Lazy<X509Certificate2>(Create);

    public static X509Certificate2 Certificate => Lazy.Value;

    public static HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && certificate.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData)
                // The name must still match; only the unknown issuer is forgiven.
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None,
        },
    };

    /// <summary>
    /// Trusts the certificate for this user (CurrentUser\Root, which .NET on Linux adds to its
    /// trust anchors) until disposed: for code that validates TLS the production way, such as the
    /// module inside the hosted PowerShell engine.
    /// </summary>
    public static IDisposable TrustForCurrentUser() => new UserTrust();

    private sealed class UserTrust : IDisposable
    {
        private readonly X509Certificate2 _public = X509CertificateLoader.LoadCertificate(Certificate.RawData);

        public UserTrust()
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Add(_public);
        }

        public void Dispose()
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(_public);
            _public.Dispose();
        }
    }

    private static X509Certificate2 Create()
    {
        using RSA rsa = RSA.Create(2048);
        // A subject of its own per process: test assemblies run in parallel and each trusts its own
        // certificate for the user; OpenSSL finds a chain's root by subject name, so two roots with
        // the same name would make one process's chain end at the other's certificate.
        var request = new CertificateRequest($"CN=MessagingProvider test stand-in {Guid.NewGuid():N}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
