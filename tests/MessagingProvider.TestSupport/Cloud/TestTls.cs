using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.TestSupport;

/// <summary>
/// The TLS certificate of the stand-ins (made once per test run for 127.0.0.1) and the client
/// handler that trusts exactly it: the certificate is not added to any trust store.
/// </summary>
public static class TestTls
{
    private static readonly Lazy<X509Certificate2> Lazy = new Lazy<X509Certificate2>(() => Create(Subject));
    private static readonly Lazy<X509Certificate2> LazyUntrusted = new Lazy<X509Certificate2>(() => Create("CN=MessagingProvider untrusted stand-in"));

    public static X509Certificate2 Certificate => Lazy.Value;

    /// <summary>A certificate no store ever trusts: for the tests that production TLS refuses it.</summary>
    public static X509Certificate2 UntrustedCertificate => LazyUntrusted.Value;

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
    /// trust anchors): for code that validates TLS the production way, such as the module inside
    /// the hosted PowerShell engine and the PowerShell sessions the tests start. The certificate
    /// stays trusted until this test process exits: removing and re-adding it between test
    /// classes races .NET's cached view of the store. Copies a killed run left behind are
    /// removed first. Disposing the handle is kept for symmetry and does nothing.
    /// </summary>
    public static IDisposable TrustForCurrentUser()
    {
        lock (TrustLock)
        {
            if (!_trusted)
            {
                using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
                store.Open(OpenFlags.ReadWrite);
                foreach (X509Certificate2 candidate in store.Certificates)
                {
                    if (IsLeftOverFromAnEndedRun(candidate)) store.Remove(candidate);
                }

                store.Add(X509CertificateLoader.LoadCertificate(Certificate.RawData));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Untrust();
                _trusted = true;
            }
        }

        return new NoOp();
    }

    // Test processes run side by side (dotnet test runs the assemblies in parallel), each with its
    // own certificate: the subject names the process, so only a dead process's copy is purged.
    private const string SubjectPrefix = "CN=MessagingProvider test stand-in, OU=pid ";
    private static readonly string Subject = SubjectPrefix + Environment.ProcessId;
    private static readonly object TrustLock = new object();
    private static bool _trusted;

    private static bool IsLeftOverFromAnEndedRun(X509Certificate2 certificate)
    {
        if (!certificate.Subject.StartsWith("OU=pid ", StringComparison.Ordinal) && !certificate.Subject.Contains(", OU=pid ", StringComparison.Ordinal)) return false;
        if (!certificate.Subject.Contains("CN=MessagingProvider test stand-in", StringComparison.Ordinal)) return false;
        string pidText = certificate.Subject.Substring(certificate.Subject.IndexOf("OU=pid ", StringComparison.Ordinal) + 7).Split(',')[0].Trim();
        if (!int.TryParse(pidText, out int pid)) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static void Untrust()
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Remove(X509CertificateLoader.LoadCertificate(Certificate.RawData));
    }

    private sealed class NoOp : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private static X509Certificate2 Create(string subject)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
