using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Output;
using MessagingProvider.Smtp;
using MessagingProvider.TestSupport;
using MimeKit;

namespace MessagingProvider.Mail.Tests;

/// <summary>
/// A man in the middle who removes STARTTLS from the EHLO reply (the fault proxy does exactly
/// that in front of Postfix's plain listener, which offers AUTH without TLS): with -Security Auto
/// no credential, token or NTLM exchange may reach it.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class StartTlsStrippingTests
{
    private readonly MailServerFixture _server;

    public StartTlsStrippingTests(MailServerFixture server) => _server = server;

    private static Task<SmtpServerTestResult> RunAsync(SmtpEndpoint endpoint) =>
        new SmtpServerTester(endpoint, null, null, new OAuthTokenProvider()).RunAsync(new List<MailboxAddress>(), null, CancellationToken.None);

    [Theory]
    [InlineData(SmtpAuthentication.Basic)]
    [InlineData(SmtpAuthentication.OAuth2)]
    [InlineData(SmtpAuthentication.CurrentUser)]
    public async Task AutoSendsNoSignInWhenStartTlsIsHidden(SmtpAuthentication authentication)
    {
        using var proxy = new SmtpFaultProxy(_server.PlainPort);
        SmtpEndpoint endpoint = authentication == SmtpAuthentication.OAuth2 ? Endpoints.OAuth(_server, null) : Endpoints.Basic(_server);
        endpoint.Server = "127.0.0.1";
        endpoint.Port = proxy.Port;
        endpoint.Security = SmtpSecurity.Auto;
        endpoint.Authentication = authentication;

        SmtpServerTestResult result = await RunAsync(endpoint);

        Assert.False(result.Succeeded);
        Assert.Equal("Tls", result.FailedStage);
        Assert.Equal("SmtpStartTlsNotOffered", result.ErrorId);
        Assert.Contains("-Security Auto requires TLS before the " + authentication + " sign-in", result.Reason);
        Assert.Equal(0, proxy.AuthCommands);
        Assert.Contains(result.Stages, s => s.Stage == "Auth" && s.Outcome == SmtpStageOutcome.Skipped);
    }

    [Fact]
    public async Task AutoStillRelaysAnonymouslyWithoutStartTlsAndSaysTheSessionIsNotEncrypted()
    {
        using var proxy = new SmtpFaultProxy(_server.PlainPort);
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.Server = "127.0.0.1";
        endpoint.Port = proxy.Port;
        endpoint.Security = SmtpSecurity.Auto;
        endpoint.Authentication = SmtpAuthentication.Anonymous;
        endpoint.Credential = null;

        SmtpServerTestResult result = await RunAsync(endpoint);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(result.Stages, s => s.Stage == "Tls" && s.Outcome == SmtpStageOutcome.Skipped && s.Detail!.Contains("NOT encrypted"));
        Assert.Equal(0, proxy.AuthCommands);
    }

    [Fact]
    public async Task ExplicitNoneAuthenticatesInPlainTextAndIsWarnedAbout()
    {
        using var proxy = new SmtpFaultProxy(_server.PlainPort);
        SmtpEndpoint endpoint = Endpoints.Basic(_server, proxy.Port, SmtpSecurity.None);
        endpoint.Server = "127.0.0.1";

        SmtpServerTestResult result = await RunAsync(endpoint);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1, proxy.AuthCommands);
        string? warning = SmtpTransportSecurity.PlainTextWarning(endpoint.Security, endpoint.Authentication, endpoint.Server, endpoint.Port);
        Assert.NotNull(warning);
        Assert.Contains("unencrypted", warning);
        Assert.Null(SmtpTransportSecurity.PlainTextWarning(SmtpSecurity.None, SmtpAuthentication.Anonymous, "x", 25));
        Assert.Null(SmtpTransportSecurity.PlainTextWarning(SmtpSecurity.Auto, SmtpAuthentication.Basic, "x", 25));
    }
}
