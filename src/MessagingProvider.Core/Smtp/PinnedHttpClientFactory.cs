using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Smtp;

/// <summary>
/// MSAL's HTTP client when the identity store pins certificates: the platform's validation, plus
/// exactly the pinned certificates (name still checked). Never a blanket "accept everything".
/// </summary>
public sealed class PinnedHttpClientFactory : IMsalHttpClientFactory
{
    private readonly HttpClient _client;

    public PinnedHttpClientFactory(IEnumerable<string> thumbprints)
    {
        var pins = new HashSet<string>(thumbprints.Select(CertificatePolicy.Normalize), StringComparer.OrdinalIgnoreCase);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && pins.Contains(certificate.Thumbprint)),
        };
        _client = new HttpClient(handler);
    }

    public HttpClient GetHttpClient() => _client;
}
