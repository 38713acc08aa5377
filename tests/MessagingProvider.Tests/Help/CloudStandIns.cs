using System;
using System.Collections;
using System.Net;
using MessagingProvider.Cloud.Tests.StandIns;
using MessagingProvider.MailServer;

namespace MessagingProvider.Tests.Help;

/// <summary>
/// The Microsoft Entra ID, Exchange Online and Microsoft Graph stand-ins (HTTPS on 127.0.0.1, their certificate
/// trusted for this user while they run) for one &lt;!-- requires: cloud --&gt; example.
/// </summary>
internal sealed class CloudStandIns : IDisposable
{
    private readonly IDisposable _trust;
    private readonly EntraStandIn _entra;
    private readonly ExchangeOnlineStandIn _exchange;
    private readonly GraphStandIn _graph;

    private CloudStandIns(IDisposable trust, EntraStandIn entra, ExchangeOnlineStandIn exchange, GraphStandIn graph)
    {
        _trust = trust;
        _entra = entra;
        _exchange = exchange;
        _graph = graph;
    }

    /// <param name="mailServerSigningKey">
    /// The test mail server's token key when the example also requires it: the mailbox's delegated
    /// tokens are then ones its Dovecot accepts for SMTP XOAUTH2.
    /// </param>
    public static CloudStandIns Start(byte[]? mailServerSigningKey = null)
    {
        IDisposable trust = TestTls.TrustForCurrentUser();
        EntraStandIn? entra = null;
        ExchangeOnlineStandIn? exchange = null;
        try
        {
            entra = EntraStandIn.StartAsync().GetAwaiter().GetResult();
            // The person at the device-code page: signs in as the docs' mailbox as soon as a code is shown.
            entra.AutoApproveDeviceLoginAs = MailServerFixture.ExampleMailbox;
            entra.DelegatedTokenSigningKey = mailServerSigningKey;
            exchange = ExchangeOnlineStandIn.StartAsync(entra).GetAwaiter().GetResult();
            GraphStandIn graph = GraphStandIn.StartAsync(entra).GetAwaiter().GetResult();
            return new CloudStandIns(trust, entra, exchange, graph);
        }
        catch
        {
            exchange?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            entra?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            trust.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the example's set-up stores with Set-MessagingProvider or Set-EntraSmtpClient: the
    /// tenant (domain and ID), the app and its secret, the endpoints (Graph knows the mailbox notifications@contoso.com), and the mailbox that signs in
    /// at the device-code page.
    /// </summary>
    public Hashtable Variable() => new Hashtable
    {
        ["Tenant"] = _entra.Tenant,
        ["TenantId"] = _entra.TenantId,
        ["ClientId"] = _entra.ClientId,
        ["Mailbox"] = MailServerFixture.ExampleMailbox,
        ["ClientSecret"] = new NetworkCredential("", _entra.ClientSecret).SecurePassword,
        ["AuthorityHost"] = _entra.AuthorityHost.ToString(),
        ["ExchangeOnlineEndpoint"] = _exchange.Endpoint.ToString(),
        ["GraphEndpoint"] = _graph.Endpoint.ToString(),
    };

    public void Dispose()
    {
        _graph.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _exchange.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _entra.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _trust.Dispose();
    }
}
