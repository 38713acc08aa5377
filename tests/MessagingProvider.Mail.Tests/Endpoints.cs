using System.Net;
using MessagingProvider.TestSupport;
using MessagingProvider.Smtp;

namespace MessagingProvider.Mail.Tests;

/// <summary>Endpoints for the fixture's listeners; the fixture's certificate is pinned (trusted explicitly).</summary>
internal static class Endpoints
{
    public static SmtpEndpoint Basic(MailServerFixture server, int? port = null, SmtpSecurity security = SmtpSecurity.StartTls, string? password = null) => new SmtpEndpoint
    {
        Server = server.Host,
        Port = port ?? server.StartTlsPort,
        From = MailServerFixture.SenderUser,
        Security = security,
        Authentication = SmtpAuthentication.Basic,
        Credential = new NetworkCredential(MailServerFixture.SenderUser, password ?? server.SenderPassword),
        CertificateThumbprints = new[] { server.Certificate.Thumbprint },
        Timeout = System.TimeSpan.FromSeconds(10),
    };

    public static SmtpEndpoint OAuth(MailServerFixture server, NetworkCredential? user, string? clientSecret = null) => new SmtpEndpoint
    {
        Server = server.Host,
        Port = server.StartTlsPort,
        From = user?.UserName ?? MailServerFixture.AppMailbox,
        Security = SmtpSecurity.StartTls,
        Authentication = SmtpAuthentication.OAuth2,
        Credential = user,
        TokenEndpoint = server.TokenEndpoint.TokenEndpointFor("contoso"),
        ClientId = OAuthTokenEndpoint.ClientId,
        ClientSecret = new NetworkCredential("", clientSecret ?? server.TokenEndpoint.ClientSecret).SecurePassword,
        Scope = OAuthTokenEndpoint.Scope,
        CertificateThumbprints = new[] { server.Certificate.Thumbprint },
        HttpClientFactory = new TrustingHttpClientFactory(server.TokenEndpoint),
        Timeout = System.TimeSpan.FromSeconds(10),
    };
}

/// <summary>MSAL's HTTP client for the tests: validates TLS and trusts exactly the token endpoint's certificate.</summary>
internal sealed class TrustingHttpClientFactory : Microsoft.Identity.Client.IMsalHttpClientFactory
{
    private readonly System.Net.Http.HttpClient _client;

    public TrustingHttpClientFactory(OAuthTokenEndpoint endpoint) => _client = new System.Net.Http.HttpClient(endpoint.CreateTrustingHandler());

    public System.Net.Http.HttpClient GetHttpClient() => _client;
}
