using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MessagingProvider.Security;

namespace MessagingProvider.Core.Tests.Security;

/// <summary>
/// A pin replaces the chain of trust (self-signed or private CA), never the certificate's own
/// limits: an expired, not yet valid or revoked pinned certificate is refused.
/// </summary>
public sealed class CertificatePinTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static X509Certificate2 SelfSigned(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.test.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static HashSet<string> PinsOf(X509Certificate2 certificate, bool sha256 = true) =>
        new HashSet<string> { sha256 ? ServerCertificatePolicy.Sha256Thumbprint(certificate) : certificate.Thumbprint };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AValidPinnedCertificateIsAcceptedBySha256OrSha1(bool sha256)
    {
        using X509Certificate2 certificate = SelfSigned(Now.AddDays(-1), Now.AddDays(30));
        Assert.True(ServerCertificatePolicy.Accepts(PinsOf(certificate, sha256), certificate, SslPolicyErrors.RemoteCertificateChainErrors, null, Now, out string? refusal));
        Assert.Null(refusal);
        Assert.Equal(64, ServerCertificatePolicy.Sha256Thumbprint(certificate).Length);
    }

    [Fact]
    public void AnExpiredPinnedCertificateIsRefused()
    {
        using X509Certificate2 certificate = SelfSigned(Now.AddDays(-60), Now.AddDays(-1));
        Assert.False(ServerCertificatePolicy.Accepts(PinsOf(certificate), certificate, SslPolicyErrors.RemoteCertificateChainErrors, null, Now, out string? refusal));
        Assert.StartsWith("pinned, but outside its validity period", refusal);
    }

    [Fact]
    public void ANotYetValidPinnedCertificateIsRefused()
    {
        using X509Certificate2 certificate = SelfSigned(Now.AddDays(2), Now.AddDays(60));
        Assert.False(ServerCertificatePolicy.Accepts(PinsOf(certificate), certificate, SslPolicyErrors.RemoteCertificateChainErrors, null, Now, out string? refusal));
        Assert.StartsWith("pinned, but outside its validity period", refusal);
    }

    [Fact]
    public void APinNeverCoversANameMismatch()
    {
        using X509Certificate2 certificate = SelfSigned(Now.AddDays(-1), Now.AddDays(30));
        Assert.False(ServerCertificatePolicy.Accepts(PinsOf(certificate), certificate,
            SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, null, Now, out string? refusal));
        Assert.Null(refusal);
    }

    [Fact]
    public void TheValidatorReportsWhyAPinnedCertificateWasRefused()
    {
        using X509Certificate2 certificate = SelfSigned(Now.AddDays(-60), Now.AddDays(-1));
        var policy = new ServerCertificatePolicy(new[] { ServerCertificatePolicy.Sha256Thumbprint(certificate) });
        Assert.False(policy.Validate(this, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains("a pinned certificate must still be valid", policy.Rejection);
        Assert.StartsWith("pinned, but outside its validity period", policy.Observation.PinRefusal);
        Assert.Equal(ServerCertificatePolicy.Sha256Thumbprint(certificate), policy.Observation.Sha256Thumbprint);
    }

    [Fact]
    public async Task ARevokedPinnedCertificateIsRefused()
    {
        // A private CA whose CRL (served on loopback, as a CDP URL) revokes the server certificate.
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=MessagingProvider Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(Now.AddDays(-2), Now.AddYears(1));

        int port = MessagingProvider.TestSupport.FreePort.Next();
        string crlUrl = $"http://127.0.0.1:{port}/ca-{Guid.NewGuid():N}.crl";
        using RSA leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=mail.test.local", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(new[] { crlUrl }));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using X509Certificate2 leaf = leafRequest.Create(ca, Now.AddDays(-1), Now.AddDays(30), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(leaf, Now.AddHours(-1), X509RevocationReason.KeyCompromise);
        byte[] crlBytes = crl.Build(ca, 1, Now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Task serving = Task.Run(async () =>
        {
            HttpListenerContext context = await listener.GetContextAsync();
            context.Response.ContentType = "application/pkix-crl";
            await context.Response.OutputStream.WriteAsync(crlBytes);
            context.Response.Close();
        });

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(10);
        Assert.False(chain.Build(leaf));
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(chain.ChainStatus, s => s.Status == X509ChainStatusFlags.Revoked);

        Assert.False(ServerCertificatePolicy.Accepts(PinsOf(leaf), leaf, SslPolicyErrors.RemoteCertificateChainErrors, chain, Now, out string? refusal));
        Assert.Equal("pinned, but revoked by its issuer", refusal);
    }
}
