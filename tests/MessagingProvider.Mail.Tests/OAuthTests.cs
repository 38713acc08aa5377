using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
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

    private static Output.SmtpServerTestResult Run(SmtpEndpoint endpoint, OAuthTokenProvider tokens, List<string>? dialogue = null, params string[] to) =>
        new SmtpServerTester(endpoint, dialogue is null ? null : dialogue.Add, null, tokens).RunAsync(to.Select(MailboxAddress.Parse).ToList(), null, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void ResourceOwnerPasswordGrantTokenIsAcceptedWithXOAuth2AndMailIsDelivered()
    {
        var user = new NetworkCredential("carol@test.local", MailServerFixture.MailboxPassword);
        var dialogue = new List<string>();

        var result = Run(Endpoints.OAuth(_server, user), new OAuthTokenProvider(), dialogue, "dave@test.local");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("XOAUTH2", result.AuthMechanism);
        Assert.Contains(dialogue, l => l == "C: AUTH XOAUTH2 ********");
        Assert.DoesNotContain(dialogue, l => l.Contains("eyJ", StringComparison.Ordinal));
        var delivered = _server.Mail.WaitFor("dave@test.local", "MessagingProvider test message").Where(m => m.MessageId == result.MessageId);
        Assert.Equal("carol@test.local", Assert.Single(delivered).From.Mailboxes.Single().Address);
    }

    [Fact]
    public void ClientCredentialsGrantAuthenticatesTheAppMailboxAndTheTokenIsCached()
    {
        var tokens = new OAuthTokenProvider();
        int before = _server.TokenEndpoint.Issued;

        var first = Run(Endpoints.OAuth(_server, null), tokens);
        var second = Run(Endpoints.OAuth(_server, null), tokens);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(1, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public void AWrongSecretDoesNotReuseTheTokenOfTheRightOne()
    {
        var tokens = new OAuthTokenProvider();
        var right = Run(Endpoints.OAuth(_server, null), tokens);
        var wrong = Run(Endpoints.OAuth(_server, null, clientSecret: "not-the-secret"), tokens);

        Assert.True(right.Succeeded, right.Reason);
        Assert.False(wrong.Succeeded);
        Assert.Equal("OAuthTokenRefused", wrong.ErrorId);
    }

    [Fact]
    public void AWrongPasswordDoesNotReuseTheTokenOfTheRightOne()
    {
        var tokens = new OAuthTokenProvider();
        var right = Run(Endpoints.OAuth(_server, new NetworkCredential("frank@test.local", MailServerFixture.MailboxPassword)), tokens);
        var wrong = Run(Endpoints.OAuth(_server, new NetworkCredential("frank@test.local", "not-the-password")), tokens);

        Assert.True(right.Succeeded, right.Reason);
        Assert.False(wrong.Succeeded);
        Assert.Equal("OAuthTokenRefused", wrong.ErrorId);
        Assert.Contains("invalid_grant", wrong.Reason);
    }

    [Fact]
    public void WrongClientSecretFailsAtAuthWithTheEndpointsReason()
    {
        var result = Run(Endpoints.OAuth(_server, null, clientSecret: "not-the-secret"), new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("OAuthTokenRefused", result.ErrorId);
        Assert.Contains("invalid_client", result.Reason);
        Assert.Contains("-ClientSecret", result.Reason);
        Assert.DoesNotContain("not-the-secret", result.Reason);
    }

    [Fact]
    public void ExpiredTokenIsRefreshedOnceThenFailsAtAuthWithTheServersReply()
    {
        _server.TokenEndpoint.IssueExpiredTokens = true;
        int before = _server.TokenEndpoint.Issued;

        var result = Run(Endpoints.OAuth(_server, new NetworkCredential("erin@test.local", MailServerFixture.MailboxPassword)), new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("SmtpAuthenticationFailed", result.ErrorId);
        Assert.Contains("535", result.Reason);
        Assert.Contains("freshly issued token", result.Reason);
        Assert.Equal(2, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public void StaleCachedTokenIsReplacedOnceWhenTheServerRefusesIt()
    {
        var tokens = new OAuthTokenProvider();
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, null);
        _server.TokenEndpoint.IssueExpiredTokens = true;
        tokens.GetTokenAsync(endpoint, forceNew: false, null, CancellationToken.None).GetAwaiter().GetResult();
        _server.TokenEndpoint.IssueExpiredTokens = false;
        int before = _server.TokenEndpoint.Issued;

        var result = Run(endpoint, tokens);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1, _server.TokenEndpoint.Issued - before);
    }

    [Fact]
    public void UntrustedTokenEndpointCertificateIsRefused()
    {
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, null);
        endpoint.HttpClientFactory = null;
        endpoint.CertificateThumbprints = new[] { _server.Certificate.Thumbprint };

        var result = Run(endpoint, new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("OAuthTokenEndpointUnreachable", result.ErrorId);
    }

    [Fact]
    public void OAuthBearerIsUsedWhenItIsTheOnlyTokenMechanismOffered()
    {
        using var proxy = new SmtpFaultProxy(_server.PlainPort) { OfferedAuthMechanisms = new[] { "PLAIN", "OAUTHBEARER" } };
        SmtpEndpoint endpoint = Endpoints.OAuth(_server, new NetworkCredential("walter@test.local", MailServerFixture.MailboxPassword));
        endpoint.Port = proxy.Port;
        endpoint.Security = SmtpSecurity.None;
        var dialogue = new List<string>();

        var result = Run(endpoint, new OAuthTokenProvider(), dialogue, "walter@test.local");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("OAUTHBEARER", result.AuthMechanism);
        Assert.Contains(dialogue, l => l == "C: AUTH OAUTHBEARER ********");
    }

    [Fact]
    public void CurrentUserFailsClearlyWhenTheServerOffersNoIntegratedMechanism()
    {
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.Authentication = SmtpAuthentication.CurrentUser;

        var result = Run(endpoint, new OAuthTokenProvider());

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("SmtpIntegratedAuthUnavailable", result.ErrorId);
        Assert.Contains("GSSAPI", result.Reason);
        Assert.Contains("-Authentication Basic", result.Reason);
    }

    [Fact]
    public void TokenCloseToExpiryIsNotReusedButReplaced()
    {
        var tokens = new OAuthTokenProvider { RefreshMargin = TimeSpan.FromMinutes(2) };
        _server.TokenEndpoint.Lifetime = TimeSpan.FromSeconds(90);
        int before = _server.TokenEndpoint.Issued;

        var first = Run(Endpoints.OAuth(_server, null), tokens);
        var second = Run(Endpoints.OAuth(_server, null), tokens);

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(2, _server.TokenEndpoint.Issued - before);
    }
}
