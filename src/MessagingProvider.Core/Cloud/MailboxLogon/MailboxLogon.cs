using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Configuration;
using MessagingProvider.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// The Microsoft Entra ID SMTP client's mailbox logon: a person signs in once as the dedicated
/// mailbox with the device-code flow; the refresh token stays in an encrypted cache file, and
/// later (scheduled) sends get fresh delegated tokens silently.
/// </summary>
/// <remarks>
/// The device-code flow is a public-client flow in MSAL (a confidential client cannot run it),
/// so the app registration must allow public client flows.
/// </remarks>
public sealed class MailboxLogon
{
    /// <summary>SMTP AUTH with OAuth in the global cloud; MSAL adds offline_access (the refresh token) itself.</summary>
    public const string SmtpScope = "https://outlook.office.com/SMTP.Send";

    /// <summary>
    /// The SMTP.Send permission of the cloud an authority host signs in to: the US government
    /// clouds (GCC High and DoD share login.microsoftonline.us) name it on outlook.office365.us,
    /// 21Vianet on partner.outlook.cn, every other host (the global cloud, test stand-ins) on outlook.office.com.
    /// </summary>
    public static string SmtpScopeFor(Uri authorityHost) => authorityHost.Host.ToLowerInvariant() switch
    {
        "login.microsoftonline.us" => "https://outlook.office365.us/SMTP.Send",
        "login.chinacloudapi.cn" or "login.partner.microsoftonline.cn" => "https://partner.outlook.cn/SMTP.Send",
        _ => SmtpScope,
    };

    private readonly IPublicClientApplication _application;
    private readonly string _tenant;
    private readonly string _authority;

    /// <param name="cacheLock">Taken while the cache file is written (the identity store's lock); none for a cache of its own.</param>
    /// <param name="protection">The identity store's protection, which the cache follows; null: the current user's.</param>
    public MailboxLogon(Uri authorityHost, string tenant, string clientId, string cachePath, SecretVault vault, HttpHandlerFactory? handlerFactory = null, Func<IDisposable>? cacheLock = null, SecretProtectionSettings? protection = null)
    {
        _tenant = tenant;
        Scope = SmtpScopeFor(authorityHost);
        _authority = new Uri(authorityHost, Uri.EscapeDataString(tenant)).ToString();
        bool knownCloud = IsKnownAuthorityHost(authorityHost);
        Compatibility.DependencyVersionGuard.Require(typeof(ConfidentialClientApplicationBuilder));
        PublicClientApplicationBuilder builder = PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority(_authority, validateAuthority: knownCloud)
            .WithInstanceDiscovery(knownCloud);
        if (handlerFactory is not null) builder = builder.WithHttpClientFactory(new MsalHttpClientFactory(handlerFactory));
        _application = builder.Build();
        EncryptedTokenCache.Bind(_application.UserTokenCache, cachePath, vault, cacheLock, protection);
    }

    /// <summary>The delegated permission the tokens are for (<see cref="SmtpScopeFor"/>).</summary>
    public string Scope { get; }

    /// <summary>
    /// Signs in with the device-code flow; <paramref name="showInstructions"/> gets the code and
    /// the URL to tell the person (through the PowerShell host).
    /// </summary>
    public async Task<MailboxToken> SignInAsync(Action<string> showInstructions, CancellationToken cancellationToken)
    {
        try
        {
            AuthenticationResult result = await _application.AcquireTokenWithDeviceCode(new[] { Scope }, code =>
            {
                showInstructions(code.Message);
                return Task.CompletedTask;
            }).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await ForgetOtherAccountsAsync(result.Account).ConfigureAwait(false);
            return From(result);
        }
        catch (MsalServiceException e) when (e.ErrorCode == "authorization_declined" || e.ErrorCode == "access_denied")
        {
            throw new MessagingProviderException(ErrorIds.MailboxLogonDeclined, ErrorKind.AuthenticationError,
                "The sign-in was declined at the device-code page. Run the sign-in again and accept it with the dedicated mailbox.", _tenant, e);
        }
        catch (MsalServiceException e) when (e.ErrorCode == "expired_token" || e.ErrorCode == "code_expired")
        {
            throw new MessagingProviderException(ErrorIds.MailboxLogonExpired, ErrorKind.OperationTimeout,
                "Nobody entered the code before it expired. Run the sign-in again and enter the code within 15 minutes.", _tenant, e);
        }
        catch (Exception e) when (e is MsalException || e is HttpRequestException)
        {
            throw EntraErrorTranslator.Translate(e, SignIn());
        }
    }

    /// <summary>A token from the cache, renewed with the cached refresh token when it is about to expire.</summary>
    public Task<MailboxToken> AcquireSilentAsync(CancellationToken cancellationToken) => AcquireSilentAsync(null, false, cancellationToken);

    /// <summary>
    /// A token of <paramref name="userName"/> (null: the one signed-in mailbox) from the cache;
    /// <paramref name="forceRefresh"/> redeems the refresh token even when the cached access token
    /// still looks valid (the SMTP server refused it).
    /// </summary>
    public async Task<MailboxToken> AcquireSilentAsync(string? userName, bool forceRefresh, CancellationToken cancellationToken)
    {
        IAccount? account = (await _application.GetAccountsAsync().ConfigureAwait(false))
            .FirstOrDefault(a => userName is null || string.Equals(a.Username, userName, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            throw new MessagingProviderException(ErrorIds.MailboxLogonRequired, ErrorKind.AuthenticationError,
                $"Nobody has signed in to the mailbox{(userName is null ? "" : " " + userName)} yet, or the sign-in cache was removed. Sign in to the mailbox with the device code first.", userName ?? _tenant);
        }

        try
        {
            AuthenticationResult result = await _application.AcquireTokenSilent(new[] { Scope }, account)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return From(result);
        }
        catch (MsalUiRequiredException e)
        {
            throw new MessagingProviderException(ErrorIds.MailboxLogonRequired, ErrorKind.AuthenticationError,
                $"The mailbox sign-in of {account.Username} is no longer valid ({e.ErrorCode}: the refresh token expired or was revoked, or the password changed). Sign in to the mailbox with the device code again.",
                account.Username, e);
        }
        catch (Exception e) when (e is MsalException || e is HttpRequestException)
        {
            throw EntraErrorTranslator.Translate(e, SignIn());
        }
    }

    /// <summary>The cache keeps one mailbox: a sign-in as another mailbox replaces the previous one.</summary>
    private async Task ForgetOtherAccountsAsync(IAccount keep)
    {
        foreach (IAccount other in await _application.GetAccountsAsync().ConfigureAwait(false))
        {
            if (other.HomeAccountId?.Identifier != keep.HomeAccountId?.Identifier) await _application.RemoveAsync(other).ConfigureAwait(false);
        }
    }

    private EntraSignIn SignIn() => new EntraSignIn { Authority = _authority, Tenant = _tenant, ApplicationId = _application.AppConfig.ClientId, Scope = Scope };

    private static MailboxToken From(AuthenticationResult result) => new MailboxToken(result.Account.Username, result.AccessToken, result.ExpiresOn);

    private static bool IsKnownAuthorityHost(Uri host) =>
        host.Host is "login.microsoftonline.com" or "login.microsoftonline.us" or "login.chinacloudapi.cn" or "login.partner.microsoftonline.cn";
}
