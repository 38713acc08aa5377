using System.Net.Http;
using Google.Apis.Http;
using MessagingProvider.Cloud;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Google.Apis' client factory with our innermost handler (tests: trust exactly the stand-in's certificate).</summary>
internal sealed class GoogleHttpClientFactory : HttpClientFactory
{
    private readonly HttpHandlerFactory _handlerFactory;

    public GoogleHttpClientFactory(HttpHandlerFactory handlerFactory) => _handlerFactory = handlerFactory;

    protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => _handlerFactory();
}
