using System.Net.Http;
using Microsoft.Identity.Client;

namespace MessagingProvider.Cloud;

/// <summary>MSAL asks its factory for a client per request and expects the same, long-lived one.</summary>
internal sealed class MsalHttpClientFactory : IMsalHttpClientFactory
{
    private readonly HttpClient _client;

    public MsalHttpClientFactory(HttpHandlerFactory handlerFactory)
    {
        _client = new HttpClient(handlerFactory(), disposeHandler: true);
    }

    public HttpClient GetHttpClient() => _client;
}
