using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MessagingProvider.Connections;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Smtp;

/// <summary>
/// Reaches an SMTP server one stage at a time — DNS, TCP, TLS + EHLO (MailKit), AUTH — so that
/// callers can time each stage and report the first that fails with a reason a person can act on.
/// <see cref="SmtpConnection"/> runs all stages in a row; Test-SmtpServer runs them one by one.
/// DNS, TCP and TLS go through the <see cref="ConnectionStages"/> every mail client shares.
/// </summary>
public sealed class SmtpConnector : IDisposable
{
    private readonly SmtpEndpoint _endpoint;
    private readonly OAuthTokenProvider _tokens;
    private readonly Action<string>? _verbose;
    private readonly Stopwatch _handshakeClock = new Stopwatch();

    public SmtpConnector(SmtpEndpoint endpoint, Action<string>? dialogue, Action<string>? verbose, OAuthTokenProvider? tokens = null)
    {
        _endpoint = endpoint;
        _tokens = tokens ?? OAuthTokenProvider.Shared;
        _verbose = verbose;
        Dialogue = new SmtpDialogueLog(dialogue);
        Certificates = new ServerCertificatePolicy(endpoint.CertificateThumbprints, endpoint.SkipCertificateCheck, _handshakeClock, "-CertificateThumbprint");
        Client = new EnvelopeSmtpClient(Dialogue)
        {
            Timeout = (int)endpoint.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = Certificates.Validate,
        };
    }

    public EnvelopeSmtpClient Client { get; }

    public SmtpDialogueLog Dialogue { get; }

    public ServerCertificatePolicy Certificates { get; }

    public TlsObservation Tls => Certificates.Observation;

    /// <summary>Time the TLS part of <see cref="HandshakeAsync"/> took (until the certificate was validated).</summary>
    public TimeSpan? TlsDuration => Tls.ValidatedAfter;

    public async Task<IReadOnlyList<IPAddress>> ResolveDnsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectionStages.ResolveDnsAsync(_endpoint.Server, _endpoint.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw Fail(SmtpStage.Dns, ErrorIds.SmtpHostNotFound, ErrorKind.ConnectionError,
                $"No such host: DNS has no address for '{_endpoint.Server}' ({e.SocketErrorCode}). Check the server name and this computer's DNS settings, or give the IP address.", e);
        }
        catch (TimeoutException e)
        {
            throw Fail(SmtpStage.Dns, ErrorIds.SmtpTimeout, ErrorKind.OperationTimeout,
                $"Timed out after {_endpoint.Timeout.TotalSeconds:0.#} s resolving '{_endpoint.Server}'. Check this computer's DNS settings, or give the IP address.", e);
        }
    }

    public async Task<Socket> ConnectTcpAsync(IReadOnlyList<IPAddress> addresses, CancellationToken cancellationToken)
    {
        string where = $"{_endpoint.Server}:{_endpoint.Port}";
        try
        {
            Socket socket = await ConnectionStages.ConnectTcpAsync(addresses, _endpoint.Port, _endpoint.Timeout, cancellationToken).ConfigureAwait(false);
            _verbose?.Invoke($"TCP connection to {socket.RemoteEndPoint} established.");
            return socket;
        }
        catch (TcpConnectException e) when (e.Refused)
        {
            throw Fail(SmtpStage.Tcp, ErrorIds.SmtpConnectionRefused, ErrorKind.ConnectionError,
                $"Connection refused by {where}: nothing accepts connections on port {_endpoint.Port}. Check -Port (587 STARTTLS, 465 implicit TLS, 25 relay) and that the SMTP service runs and a firewall allows it.", e);
        }
        catch (TcpConnectException e) when (e.TimedOut || e.Last?.SocketErrorCode == SocketError.TimedOut)
        {
            throw Fail(SmtpStage.Tcp, ErrorIds.SmtpTimeout, ErrorKind.OperationTimeout,
                $"Timed out after {_endpoint.Timeout.TotalSeconds:0.#} s connecting to {where}. A firewall may be dropping the traffic, or the server is down.", e);
        }
        catch (TcpConnectException e)
        {
            throw Fail(SmtpStage.Tcp, ErrorIds.SmtpConnectionRefused, ErrorKind.ConnectionError,
                $"Cannot connect to {where}: {e.Last?.Message}. Check the server name, port and network path.", e);
        }
    }

    /// <summary>Greeting, EHLO and (as configured) TLS. Takes ownership of <paramref name="socket"/>.</summary>
    public async Task HandshakeAsync(Socket socket, CancellationToken cancellationToken)
    {
        SecureSocketOptions options = SmtpTransportSecurity.SocketOptions(_endpoint.Security, _endpoint.Port, _endpoint.Authentication);
        _handshakeClock.Restart();
        try
        {
            await ConnectionStages.SecureAndGreetAsync(Client, socket, _endpoint.Server, _endpoint.Port, options, cancellationToken).ConfigureAwait(false);
        }
        catch (SslHandshakeException e)
        {
            throw TlsFailure(e);
        }
        catch (NotSupportedException e) when (options == SecureSocketOptions.StartTls)
        {
            string why = _endpoint.Security == SmtpSecurity.Auto
                ? $" -Security Auto requires TLS before the {_endpoint.Authentication} sign-in: a server (or someone on the path) that hides STARTTLS gets no credentials."
                : "";
            throw Fail(SmtpStage.Tls, ErrorIds.SmtpStartTlsNotOffered, ErrorKind.SecurityError,
                $"STARTTLS not offered by {_endpoint.Server}:{_endpoint.Port}, so the connection cannot be protected.{why} Use the port that offers STARTTLS (usually 587), -Security SslOnConnect for implicit TLS (465), or -Security None only on a trusted network.", e);
        }
        catch (SmtpCommandException e)
        {
            throw Fail(SmtpStage.Ehlo, ErrorIds.SmtpGreetingFailed, ErrorKind.ConnectionError,
                $"The server refused the session: {(int)e.StatusCode} {e.Message}", e, Dialogue.LastReply);
        }
        catch (Exception e) when (IsTimeout(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(SmtpStage.Ehlo, ErrorIds.SmtpTimeout, ErrorKind.OperationTimeout,
                $"Timed out after {_endpoint.Timeout.TotalSeconds:0.#} s waiting for the SMTP greeting or EHLO reply from {_endpoint.Server}:{_endpoint.Port}. {ImplicitTlsHint()}", e);
        }
        catch (Exception e) when (e is SmtpProtocolException || e is IOException || e is SocketException)
        {
            throw Fail(SmtpStage.Ehlo, ErrorIds.SmtpGreetingFailed, ErrorKind.ConnectionError,
                $"The server closed the connection or did not speak SMTP during the greeting/EHLO: {e.Message} {ImplicitTlsHint()}", e, Dialogue.LastReply);
        }
        finally
        {
            _handshakeClock.Stop();
        }

        if (Tls.AcceptedBySkip)
        {
            _verbose?.Invoke($"Certificate check skipped (-SkipCertificateCheck): {string.Join(", ", Tls.Errors)} ignored for {Tls.Subject}.");
        }
    }

    /// <summary>Authenticates as configured; for OAuth2 a rejected token is replaced once.</summary>
    public async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        if (_endpoint.Authentication == SmtpAuthentication.Anonymous) return;
        if (!Client.Capabilities.HasFlag(SmtpCapabilities.Authentication) || Client.AuthenticationMechanisms.Count == 0)
        {
            throw Fail(SmtpStage.Auth, ErrorIds.SmtpAuthNotOffered, ErrorKind.AuthenticationError,
                $"{_endpoint.Server}:{_endpoint.Port} offers no AUTH {(Client.IsSecure ? "" : "on this unencrypted connection (many servers offer AUTH only after TLS; use -Security StartTls or SslOnConnect)")}. Use -Authentication Anonymous if it relays for this computer's address.", null);
        }

        switch (_endpoint.Authentication)
        {
            case SmtpAuthentication.Basic:
                await AuthenticateBasicAsync(cancellationToken).ConfigureAwait(false);
                break;
            case SmtpAuthentication.OAuth2:
                await AuthenticateOAuthAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                await AuthenticateIntegratedAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AuthenticateBasicAsync(CancellationToken cancellationToken)
    {
        NetworkCredential credential = _endpoint.Credential ?? throw Fail(SmtpStage.Auth, ErrorIds.SmtpSettingsIncomplete, ErrorKind.InvalidArgument,
            "Basic authentication needs -Credential.", null);
        try
        {
            await Client.AuthenticateAsync(credential, cancellationToken).ConfigureAwait(false);
            _verbose?.Invoke($"Authenticated as {credential.UserName}.");
        }
        catch (AuthenticationException e)
        {
            throw PlatformRefusal(e) ?? Fail(SmtpStage.Auth, ErrorIds.SmtpAuthenticationFailed, ErrorKind.AuthenticationError,
                $"Authentication unsuccessful for '{credential.UserName}': the server replied '{Dialogue.LastReply ?? e.Message}'. Check the user name and password given with -Credential, and that SMTP AUTH is enabled for the account.", e, Dialogue.LastReply);
        }
    }

    private async Task AuthenticateOAuthAsync(CancellationToken cancellationToken)
    {
        string user = _endpoint.OAuthUser;
        bool bearer = !Client.AuthenticationMechanisms.Contains("XOAUTH2");
        if (bearer && !Client.AuthenticationMechanisms.Contains("OAUTHBEARER"))
        {
            throw Fail(SmtpStage.Auth, ErrorIds.SmtpAuthNotOffered, ErrorKind.AuthenticationError,
                $"{_endpoint.Server} offers neither XOAUTH2 nor OAUTHBEARER (it offers {string.Join(", ", Client.AuthenticationMechanisms)}), so it cannot take an OAuth token. Use -Authentication Basic, or the provider's OAuth-enabled SMTP host.", null);
        }

        for (int attempt = 1; ; attempt++)
        {
            string token = await _tokens.GetTokenAsync(_endpoint, forceNew: attempt > 1, _verbose, cancellationToken).ConfigureAwait(false);
            SaslMechanism mechanism = bearer
                ? new SaslMechanismOAuthBearer(user, token)
                : new SaslMechanismOAuth2(user, token);
            try
            {
                await Client.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
                _verbose?.Invoke($"Authenticated as {user} with {mechanism.MechanismName}.");
                return;
            }
            catch (AuthenticationException e)
            {
                _tokens.Invalidate(_endpoint);
                if (attempt == 1 && Client.IsConnected)
                {
                    _verbose?.Invoke($"The server refused the OAuth token ({Dialogue.LastReply}); getting a new token and trying once more.");
                    continue;
                }

                throw PlatformRefusal(e) ?? Fail(SmtpStage.Auth, ErrorIds.SmtpAuthenticationFailed, ErrorKind.AuthenticationError,
                    $"Authentication unsuccessful for '{user}' with {mechanism.MechanismName}: the server replied '{Dialogue.LastReply ?? e.Message}' even with a freshly issued token. Check that the token is for this mailbox, has the SMTP.Send permission/scope '{_endpoint.Scope}', is not expired, and that SMTP AUTH is enabled for the mailbox.", e, Dialogue.LastReply);
            }
        }
    }

    private async Task AuthenticateIntegratedAsync(CancellationToken cancellationToken)
    {
        NetworkCredential current = CredentialCache.DefaultNetworkCredentials;
        SaslMechanism? mechanism = null;
#if NET
        if (Client.AuthenticationMechanisms.Contains("GSSAPI")) mechanism = new SaslMechanismGssapi(current);
        else
#endif
        if (Client.AuthenticationMechanisms.Contains("NTLM")) mechanism = new SaslMechanismNtlm(current);
        if (mechanism is null)
        {
            throw Fail(SmtpStage.Auth, ErrorIds.SmtpIntegratedAuthUnavailable, ErrorKind.AuthenticationError,
                $"CurrentUser authentication needs GSSAPI (Kerberos) or NTLM, but {_endpoint.Server} offers only {string.Join(", ", Client.AuthenticationMechanisms)}. Use -Authentication Basic with -Credential, or OAuth2.", null);
        }

        try
        {
            await Client.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
            _verbose?.Invoke($"Authenticated as the current user with {mechanism.MechanismName}.");
        }
        catch (Exception e) when (e is AuthenticationException || e is NotSupportedException || e is PlatformNotSupportedException)
        {
            throw Fail(SmtpStage.Auth, ErrorIds.SmtpIntegratedAuthUnavailable, ErrorKind.AuthenticationError,
                $"CurrentUser authentication with {mechanism.MechanismName} failed: {Dialogue.LastReply ?? e.Message}. This needs a domain-joined session with a Kerberos ticket or NTLM credentials; otherwise use -Authentication Basic or OAuth2.", e, Dialogue.LastReply);
        }
    }

    private SmtpStageException TlsFailure(SslHandshakeException e)
    {
        TlsObservation seen = Tls;
        if (seen.Errors.Count > 0)
        {
            string reason = seen.NameMismatch
                ? $"certificate name mismatch: the certificate is for '{seen.Subject}', not '{_endpoint.Server}'. Connect with a name the certificate covers"
                : seen.PinRefusal is not null
                    ? $"the certificate ({seen.Subject}, issued by {seen.Issuer}) is {seen.PinRefusal}: a pinned certificate must still be valid. Renew it on the server and pin the new one"
                    : $"the certificate ({seen.Subject}, issued by {seen.Issuer}, expires {seen.NotAfter:yyyy-MM-dd}) is not trusted: {string.Join(", ", seen.Errors)}. Trust its issuing CA on this computer, pin it with -CertificateThumbprint {seen.Sha256Thumbprint}";
            return Fail(SmtpStage.Tls, ErrorIds.SmtpCertificateInvalid, ErrorKind.SecurityError,
                $"TLS failed with {_endpoint.Server}:{_endpoint.Port}: {reason}, or (for testing only) use -SkipCertificateCheck.", e);
        }

        return Fail(SmtpStage.Tls, ErrorIds.SmtpTlsFailed, ErrorKind.SecurityError,
            $"TLS handshake with {_endpoint.Server}:{_endpoint.Port} failed: {Innermost(e)}. {(_endpoint.Security == SmtpSecurity.SslOnConnect ? "Does this port speak TLS from the first byte? For STARTTLS ports (587, 25) use -Security StartTls." : "Check the server's TLS configuration.")}", e);
    }

    private string ImplicitTlsHint() => _endpoint.Security != SmtpSecurity.SslOnConnect && _endpoint.Port == 465
        ? "Port 465 expects TLS from the first byte: use -Security SslOnConnect."
        : "";

    private static bool IsTimeout(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is TimeoutException || x is OperationCanceledException || (x is SocketException s && s.SocketErrorCode == SocketError.TimedOut)) return true;
        }

        return false;
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }

    /// <summary>The refusals Exchange Online gives since it retires Basic authentication, named as such.</summary>
    private SmtpStageException? PlatformRefusal(Exception e) =>
        SmtpPlatformReply.Translate(Dialogue.LastReply, SmtpStage.Auth, $"{_endpoint.Server}:{_endpoint.Port}", _endpoint.Authentication, e);

    private SmtpStageException Fail(SmtpStage stage, string id, ErrorKind kind, string message, Exception? inner, string? reply = null) =>
        new SmtpStageException(stage, id, kind, message, $"{_endpoint.Server}:{_endpoint.Port}", inner, reply);

    public void Dispose()
    {
        try
        {
            if (Client.IsConnected) Client.Disconnect(true);
        }
        catch (Exception e) when (e is IOException || e is TimeoutException || e is SmtpProtocolException || e is SmtpCommandException || e is SocketException || e is OperationCanceledException)
        {
        }

        Client.Dispose();
    }
}
