using System;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>The mail-enabled object provider of an Office 365 identity store: Exchange Online with the app's token.</summary>
public static class ExchangeOnlineObjectProvider
{
    /// <remarks>
    /// The token source keeps its MSAL application (and so the token) for the session, keyed by
    /// authority, application and credential: every command of one cmdlet, and the next cmdlets,
    /// reuse one token until it expires.
    /// </remarks>
    public static ExchangeMailEnabledObjectProvider Create(string identityStore, Office365Settings settings, SecretVault vault,
        Action<string>? verbose, Action<string>? warning, HttpHandlerFactory? handlerFactory = null, ExchangeOnlineRetryPolicy? retry = null)
    {
        var tokens = new EntraAppTokenSource(settings, vault, handlerFactory);
        Uri endpoint = tokens.Endpoints.ExchangeOnlineEndpoint;
        verbose?.Invoke($"Office 365: Exchange Online at {endpoint} as application {settings.ApplicationId} (token from {tokens.Endpoints.AuthorityHost} with the {tokens.CredentialDescription}).");
        // The callbacks are called from the thread the requests continue on: the caller gives ones that may be (the cmdlet's bridge).
        var runner = new ExchangeOnlineCommandRunner(endpoint, settings.Organization!, tokens, handlerFactory, retry)
        {
            Verbose = verbose,
            Warning = warning,
        };
        return new ExchangeMailEnabledObjectProvider(identityStore, new ExchangeOnlineRecipientCommands(identityStore, settings),
            new ExchangeOnlineRecipientRunner(runner, endpoint, runner), warning);
    }
}
