using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Decides whether a mail server's TLS certificate is trusted: a certificate the system trusts
/// for the host name always is; a pinned one (by SHA-1 or SHA-256 thumbprint) also is when its
/// only fault is the chain (self-signed or private CA), never when the name does not match.
/// Remembers the certificate seen and why it was refused, for the test report.
/// </summary>
public sealed class ServerCertificatePolicy
{
    private readonly HashSet<string> _pinned;

    public ServerCertificatePolicy(IEnumerable<string>? pinnedThumbprints)
    {
        _pinned = new HashSet<string>((pinnedThumbprints ?? Array.Empty<string>()).Select(Normalize), StringComparer.Ordinal);
    }

    /// <summary>Subject and SHA-1 thumbprint of the last certificate presented.</summary>
    public string? Certificate { get; private set; }

    /// <summary>Why the last certificate was refused, or null.</summary>
    public string? Rejection { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Rejection = null;
        if (certificate is null)
        {
            Rejection = "the server presented no certificate";
            return false;
        }

        using var cert = new X509Certificate2(certificate);
        Certificate = $"{cert.Subject} (thumbprint {cert.Thumbprint})";
        if (errors == SslPolicyErrors.None) return true;

        bool pinned = _pinned.Contains(cert.Thumbprint) || _pinned.Contains(Sha256(cert));
        if (pinned && errors == SslPolicyErrors.RemoteCertificateChainErrors) return true;

        string chainStatus = chain is null ? "" : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        Rejection = $"the certificate {Certificate} is not trusted: {errors}{(chainStatus.Length > 0 ? " (" + chainStatus + ")" : "")}. " +
                    (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                        ? "Its name does not match the host: connect with a name the certificate lists."
                        : $"Trust its issuer on this machine, or pin it with -TrustedCertificateThumbprint {cert.Thumbprint}.");
        return false;
    }

    private static string Sha256(X509Certificate2 cert)
    {
        using SHA256 sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(cert.RawData)).Replace("-", "");
    }

    private static string Normalize(string thumbprint) =>
        new string(thumbprint.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
}
