using System;
using System.Collections;
using System.IO;
using System.Net;

namespace MessagingProvider.TestSupport;

/// <summary>
/// The Microsoft Entra ID, Exchange Online, Microsoft Graph and Google stand-ins (HTTPS on
/// 127.0.0.1, their certificate trusted for this user while they run) for one
/// &lt;!-- requires: cloud --&gt; example, with a Google service account key the Google stand-in knows.
/// </summary>
public sealed class CloudStandIns : IDisposable
{
    private readonly IDisposable _trust;
    private readonly EntraStandIn _entra;
    private readonly ExchangeOnlineStandIn _exchange;
    private readonly GraphStandIn _graph;
    private readonly GoogleStandIn _google;
    private readonly string _keyDirectory;
    private readonly string _googleKey;

    private CloudStandIns(IDisposable trust, EntraStandIn entra, ExchangeOnlineStandIn exchange, GraphStandIn graph, GoogleStandIn google)
    {
        _trust = trust;
        _entra = entra;
        _exchange = exchange;
        _graph = graph;
        _google = google;
        _keyDirectory = Path.Combine(Path.GetTempPath(), "mp-example-key-" + Guid.NewGuid().ToString("N"));
        _googleKey = TestFiles.GoogleJsonKey(_keyDirectory, google.ServiceAccount);
        google.PublicKey = TestFiles.PublicKeyOf(_googleKey);
    }

    public EntraStandIn Entra => _entra;

    public ExchangeOnlineStandIn ExchangeOnline => _exchange;

    public GoogleStandIn Google => _google;

    /// <summary>A JSON key of the Google stand-in's service account, its public half known to the stand-in.</summary>
    public string GoogleKeyPath => _googleKey;

    /// <param name="mailServerSigningKey">
    /// The test mail server's token key when the example also requires it: the mailbox's delegated
    /// tokens are then ones its Dovecot accepts for SMTP XOAUTH2.
    /// </param>
    public static CloudStandIns Start(byte[]? mailServerSigningKey = null)
    {
        IDisposable trust = TestTls.TrustForCurrentUser();
        EntraStandIn? entra = null;
        ExchangeOnlineStandIn? exchange = null;
        GraphStandIn? graph = null;
        try
        {
            entra = EntraStandIn.StartAsync().GetAwaiter().GetResult();
            // The person at the device-code page: signs in as the docs' mailbox as soon as a code is shown.
            entra.AutoApproveDeviceLoginAs = MailServerFixture.ExampleMailbox;
            entra.DelegatedTokenSigningKey = mailServerSigningKey;
            exchange = ExchangeOnlineStandIn.StartAsync(entra).GetAwaiter().GetResult();
            graph = GraphStandIn.StartAsync(entra).GetAwaiter().GetResult();
            GoogleStandIn google = GoogleStandIn.StartAsync().GetAwaiter().GetResult();
            return new CloudStandIns(trust, entra, exchange, graph, google);
        }
        catch
        {
            graph?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            exchange?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            entra?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            trust.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the example's set-up stores with Set-MessagingProvider or Set-EntraSmtpClient: the
    /// tenant (domain and ID), the app and its secret, the endpoints (Graph knows the mailbox
    /// notifications@contoso.com), the mailbox that signs in at the device-code page; for Google
    /// Workspace the key file (its administrator is admin@contoso.com) and the token and Directory
    /// API endpoints.
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
        ["GoogleKeyPath"] = _googleKey,
        ["GoogleTokenEndpoint"] = _google.TokenEndpoint.ToString(),
        ["GoogleDirectoryApiEndpoint"] = _google.DirectoryApi.ToString(),
        ["GoogleIamCredentialsEndpoint"] = _google.IamCredentialsEndpoint.ToString(),
        ["GoogleMetadataHost"] = _google.MetadataHost,
    };

    public void Dispose()
    {
        _google.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_keyDirectory, recursive: true);
        _graph.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _exchange.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _entra.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _trust.Dispose();
    }
}
