using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using Microsoft.Identity.Client;
using MessagingProvider.Security;

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
        var pins = new HashSet<string>(thumbprints.Select(ServerCertificatePolicy.Normalize), StringComparer.Ordinal);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) => ServerCertificatePolicy.IsPinnedOrValid(pins, certificate, errors, chain),
        };
        _client = new HttpClient(handler);
    }

    public HttpClient GetHttpClient() => _client;
}
