using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.Security;

/// <summary>
/// Decides whether a server's TLS certificate is trusted, for every protocol client (SMTP, IMAP):
/// a certificate the system trusts for the host name always is; a pinned one (SHA-256 thumbprint,
/// or SHA-1 as older configurations have it) also is when its only fault is the chain (self-signed
/// or private CA), never when the name does not match, it is outside its validity period or its
/// issuer revoked it; with skipCheck everything is (testing only). Records what it saw.
/// </summary>
public sealed class ServerCertificatePolicy
{
    private readonly HashSet<string> _pinned;
    private readonly bool _skip;
    private readonly Stopwatch? _clock;
    private readonly string _pinParameter;

    /// <param name="pinParameter">The parameter a refusal tells the user to pin the certificate with.</param>
    public ServerCertificatePolicy(IEnumerable<string>? pinnedThumbprints, bool skipCheck = false, Stopwatch? clock = null, string pinParameter = "-TrustedCertificateThumbprint")
    {
        _pinned = new HashSet<string>((pinnedThumbprints ?? Array.Empty<string>()).Select(Normalize), StringComparer.Ordinal);
        _skip = skipCheck;
        _clock = clock;
        _pinParameter = pinParameter;
    }

    public TlsObservation Observation { get; } = new TlsObservation();

    /// <summary>Subject and SHA-256 thumbprint of the last certificate presented.</summary>
    public string? Certificate => Observation.Sha256Thumbprint is null ? null : $"{Observation.Subject} (SHA-256 thumbprint {Observation.Sha256Thumbprint})";

    /// <summary>Why the last certificate was refused, or null.</summary>
    public string? Rejection { get; private set; }

    /// <summary>A thumbprint as typed or copied (any case, spaces, colons, dashes) in the form certificates report it.</summary>
    public static string Normalize(string thumbprint) =>
        new string(thumbprint.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-' && c != '\u200e').ToArray()).ToUpperInvariant();

    /// <summary>The rule alone, for callers without a report (an HTTP client's callback).</summary>
    public static bool IsPinnedOrValid(ISet<string> normalizedPins, X509Certificate? certificate, SslPolicyErrors errors, X509Chain? chain = null) =>
        Accepts(normalizedPins, certificate, errors, chain, DateTime.UtcNow, out _);

    /// <param name="pinRefusal">Why a pinned certificate is refused all the same; null when it is not pinned or is accepted.</param>
    internal static bool Accepts(ISet<string> normalizedPins, X509Certificate? certificate, SslPolicyErrors errors, X509Chain? chain, DateTime utcNow, out string? pinRefusal)
    {
        pinRefusal = null;
        if (errors == SslPolicyErrors.None) return true;
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null) return false;
        using var cert = new X509Certificate2(certificate);
        if (!normalizedPins.Contains(cert.Thumbprint) && !normalizedPins.Contains(Sha256Thumbprint(cert))) return false;
        // A pin replaces the chain of trust, not the certificate's own limits.
        if (utcNow < cert.NotBefore.ToUniversalTime() || utcNow > cert.NotAfter.ToUniversalTime())
        {
            pinRefusal = $"pinned, but outside its validity period ({cert.NotBefore.ToUniversalTime():u} to {cert.NotAfter.ToUniversalTime():u})";
        }
        else if (chain is not null && chain.ChainStatus.Any(s => (s.Status & X509ChainStatusFlags.Revoked) != 0))
        {
            pinRefusal = "pinned, but revoked by its issuer";
        }

        return pinRefusal is null;
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        TlsObservation seen = Record(certificate, chain, errors);
        Rejection = null;
        bool accepted = Accepts(_pinned, certificate, errors, chain, DateTime.UtcNow, out string? pinRefusal);
        seen.PinRefusal = pinRefusal;
        if (accepted)
        {
            seen.AcceptedByPin = errors != SslPolicyErrors.None;
            return true;
        }

        if (_skip)
        {
            seen.AcceptedBySkip = true;
            return true;
        }

        Rejection = certificate is null
            ? "the server presented no certificate"
            : pinRefusal is not null
                ? $"the certificate {Certificate} is {pinRefusal}: a pinned certificate must still be valid. Renew it on the server and pin the new one."
                : $"the certificate {Certificate} is not trusted: {errors}{(seen.ChainStatus.Length > 0 ? " (" + seen.ChainStatus + ")" : "")}. " +
                  (seen.NameMismatch
                      ? "Its name does not match the host: connect with a name the certificate lists."
                      : $"Trust its issuer on this machine, or pin it with {_pinParameter} {seen.Sha256Thumbprint}.");
        return false;
    }

    private TlsObservation Record(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        TlsObservation seen = Observation;
        seen.ValidatedAfter = _clock?.Elapsed;
        seen.AcceptedByPin = false;
        seen.AcceptedBySkip = false;
        if (certificate is not null)
        {
            using var cert = new X509Certificate2(certificate);
            seen.Subject = cert.Subject;
            seen.Issuer = cert.Issuer;
            seen.NotAfter = cert.NotAfter;
            seen.Thumbprint = cert.Thumbprint;
            seen.Sha256Thumbprint = Sha256Thumbprint(cert);
        }

        seen.Errors.Clear();
        seen.NameMismatch = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0;
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) seen.Errors.Add("the server sent no certificate");
        if (seen.NameMismatch) seen.Errors.Add("certificate name mismatch");
        var chainStatus = new List<string>();
        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && chain is not null)
        {
            foreach (X509ChainStatus status in chain.ChainStatus)
            {
                if (status.Status != X509ChainStatusFlags.NoError && !chainStatus.Contains(status.Status.ToString())) chainStatus.Add(status.Status.ToString());
            }
        }

        seen.Errors.AddRange(chainStatus);
        seen.ChainStatus = string.Join(", ", chainStatus);
        return seen;
    }

    public static string Sha256Thumbprint(X509Certificate2 cert)
    {
        using SHA256 sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(cert.RawData)).Replace("-", "");
    }
}
