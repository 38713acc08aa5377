using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Mail.Tests;

/// <summary>
/// MSAL gets real tokens from the HTTPS token endpoint (TLS validated, trusting exactly its test
/// certificate); Dovecot validates the HS256 JWTs behind Postfix's XOAUTH2/OAUTHBEARER.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class OAuthTests : IDisposable
{
    private readonly MailServerFixture _server;

    public OAuthTests(MailServerFixture server) => _server = server;

    public void Dispose()
    {
        _server.TokenEndpoint.IssueExpiredTokens = false;
        _server.TokenEndpoint.Lifetime = TimeSpan.FromHours(1);
    }

    private static Task<Output.SmtpServerTestResult> RunAsync(SmtpEndpoint endpoint, OAuthTokenProvider tokens, List<string>? dialogue = null, params string[] to) =>
        new SmtpServerTester(endpoint, dialogue is null ? null : dialogue.Add, null, tokens).RunAsync(to.Select(MailboxAddress.Parse).ToList(), null, CancellationToken.None);

    [Fact]
    public async Task ResourceOwnerPasswordGrantTokenIsAcceptedWithXOAuth2AndMailIsDelivered()
    {
        var user = new NetworkCredential("carol@test.local", MailServerFixture.MailboxPassword);
        var dialogue = new List<string>();

        var result = await RunAsync(Endpoints.OAuth(_server, user), new OAuthTokenProvider(), dialogue, "dave@test.local");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("XOAUTH2", result.AuthMechanism);
        Assert.Contains(dialogue, l => l == "C: AUTH XOAUTH2 ********");
        Assert.DoesNotContain(dialogue, l => l.Contains("eyJ", StringComparison.Ordinal));
        var delivered = _server.Mail.WaitFor("dave@test.local", "MessagingProvider test message").Where(m => m.MessageId == result.MessageId);
        Assert.Equal("carol@test.local", Assert.Single(delivered).From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task ClientCredentialsGrantAuthenticatesTheAppMailboxAndTheTokenIsCached()
    {
        var tokens = new OAuthTokenProvider();
        int before = _server.TokenEndpoint.Issued;

        var first = await RunAsync(Endpoints.OAuth(_server, null), tokens);
        var second = await RunAsync(Endpoints.OAuth(_server, null), tokens);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(1, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public async Task AWrongSecretDoesNotReuseTheTokenOfTheRightOne()
    {
        var tokens = new OAuthTokenProvider();
        var right = await RunAsync(Endpoints.OAuth(_server, null), tokens);
        var wrong = await RunAsync(Endpoints.OAuth(_server, null, clientSecret: "not-the-secret"), tokens);

        Assert.True(right.Succeeded, right.Reason);
        Assert.False(wrong.Succeeded);
        Assert.Equal("OAuthTokenRefused", wrong.ErrorId);
    }

    [Fact]
    public async Task AWrongPasswordDoesNotReuseTheTokenOfTheRightOne()
    {
        var tokens = new OAuthTokenProvider();
        var right = await RunAsync(Endpoints.OAuth(_server, new NetworkCredential("frank@test.local", MailServerFixture.MailboxPassword)), tokens);
        var wrong = await RunAsync(Endpoints.OAuth(_server, new NetworkCredential("frank@test.local", "not-the-password")), tokens);

        Assert.True(right.Succeeded, right.Reason);
        Assert.False(wrong.Succeeded);
        Assert.Equal("OAuthTokenRefused", wrong.ErrorId);
        Assert.Contains("invalid_grant", wrong.Reason);
    }

    [Fact]
    public async Task WrongClientSecretFailsAtAuthWithTheEndpointsReason()
    {
        var result = await RunAsync(Endpoints.OAuth(_server, null, clientSecret: "not-the-secret"), new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("OAuthTokenRefused", result.ErrorId);
        Assert.Contains("invalid_client", result.Reason);
        Assert.Contains("-ClientSecret", result.Reason);
        Assert.DoesNotContain("not-the-secret", result.Reason);
    }

    [Fact]
    public async Task ExpiredTokenIsRefreshedOnceThenFailsAtAuthWithTheServersReply()
    {
        _server.TokenEndpoint.IssueExpiredTokens = true;
        int before = _server.TokenEndpoint.Issued;

        var result = await RunAsync(Endpoints.OAuth(_server, new NetworkCredential("erin@test.local", MailServerFixture.MailboxPassword)), new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("SmtpAuthenticationFailed", result.ErrorId);
        Assert.Contains("535", result.Reason);
        Assert.Contains("freshly issued token", result.Reason);
        Assert.Equal(2, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public async Task StaleCachedTokenIsReplacedOnceWhenTheServerRefusesIt()
    {
        var tokens = new OAuthTokenProvider();
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, null);
        _server.TokenEndpoint.IssueExpiredTokens = true;
        await tokens.GetTokenAsync(endpoint, forceNew: false, null, CancellationToken.None);
        _server.TokenEndpoint.IssueExpiredTokens = false;
        int before = _server.TokenEndpoint.Issued;

        var result = await RunAsync(endpoint, tokens);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public async Task UntrustedTokenEndpointCertificateIsRefused()
    {
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, null);
        endpoint.HttpClientFactory = null;
        endpoint.CertificateThumbprints = new[] { _server.Certificate.Thumbprint };

        var result = await RunAsync(endpoint, new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("OAuthTokenEndpointUnreachable", result.ErrorId);
    }

    [Fact]
    public async Task OAuthBearerIsUsedWhenItIsTheOnlyTokenMechanismOffered()
    {
        using var proxy = new SmtpFaultProxy(_server.PlainPort) { OfferedAuthMechanisms = new[] { "PLAIN", "OAUTHBEARER" } };
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, new NetworkCredential("walter@test.local", MailServerFixture.MailboxPassword));
        endpoint.Port = proxy.Port;
        endpoint.Security = SmtpSecurity.None;
        var dialogue = new List<string>();

        var result = await RunAsync(endpoint, new OAuthTokenProvider(), dialogue, "walter@test.local");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("OAUTHBEARER", result.AuthMechanism);
        Assert.Contains(dialogue, l => l == "C: AUTH OAUTHBEARER ********");
    }

    [Fact]
    public async Task CurrentUserFailsClearlyWhenTheServerOffersNoIntegratedMechanism()
    {
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.Authentication = SmtpAuthentication.CurrentUser;

        var result = await RunAsync(endpoint, new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("SmtpIntegratedAuthUnavailable", result.ErrorId);
        Assert.Contains("GSSAPI", result.Reason);
        Assert.Contains("-Authentication Basic", result.Reason);
    }

    [Fact]
    public async Task TokenCloseToExpiryIsNotReusedButReplaced()
    {
        var tokens = new OAuthTokenProvider { RefreshMargin = TimeSpan.FromMinutes(2) };
        _server.TokenEndpoint.Lifetime = TimeSpan.FromSeconds(90);
        int before = _server.TokenEndpoint.Issued;

        var first = await RunAsync(Endpoints.OAuth(_server, null), tokens);
        var second = await RunAsync(Endpoints.OAuth(_server, null), tokens);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(2, _server.TokenEndpoint.Issued - before);
    }
}
