using MessagingProvider.TestSupport;

namespace MessagingProvider.Cloud.Tests;

public static class TestHandlers
{
    /// <summary>The cloud clients' handler factory that trusts exactly the stand-ins' certificate.</summary>
    public static HttpHandlerFactory Trusting() => () => TestTls.TrustingHandler();
}
