using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.Smtp;

/// <summary>
/// Validates server certificates: the platform's verdict, a pinned thumbprint (an internal relay's
/// self-signed certificate; the name must still match), or -SkipCertificateCheck. Records what it saw.
/// </summary>
public sealed class CertificatePolicy
{
    private readonly bool _skip;
    private readonly HashSet<string> _pins;
    private readonly Stopwatch? _clock;

    public CertificatePolicy(bool skipCheck, IEnumerable<string> pinnedThumbprints, Stopwatch? clock = null)
    {
        _skip = skipCheck;
        _pins = new HashSet<string>(pinnedThumbprints.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        _clock = clock;
    }

    public TlsObservation Observation { get; } = new TlsObservation();

    public static string Normalize(string thumbprint) => thumbprint.Replace(" ", "").Replace(":", "").ToUpperInvariant();

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        TlsObservation seen = Observation;
        seen.ValidatedAfter = _clock?.Elapsed;
        if (certificate is not null)
        {
            using var cert = new X509Certificate2(certificate);
            seen.Subject = cert.Subject;
            seen.Issuer = cert.Issuer;
            seen.NotAfter = cert.NotAfter;
            seen.Thumbprint = cert.Thumbprint;
        }

        seen.Errors.Clear();
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) seen.Errors.Add("the server sent no certificate");
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            seen.NameMismatch = true;
            seen.Errors.Add("certificate name mismatch");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && chain is not null)
        {
            foreach (X509ChainStatus status in chain.ChainStatus)
            {
                if (status.Status != X509ChainStatusFlags.NoError) seen.Errors.Add(status.Status.ToString());
            }
        }

        if (errors == SslPolicyErrors.None) return true;
        bool onlyChain = (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
        if (onlyChain && seen.Thumbprint is not null && _pins.Contains(seen.Thumbprint))
        {
            seen.AcceptedByPin = true;
            return true;
        }

        if (_skip)
        {
            seen.AcceptedBySkip = true;
            return true;
        }

        return false;
    }
}
