using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Recipients;

/// <summary>Everything checked before any remote call: the provider, the create method, the password, the alias.</summary>
public static class MailEnabledObjectRules
{
    /// <summary>
    /// Checks a request against the store and completes it (the create method's mode, the alias);
    /// returns the alias to use. Nothing remote happens here, so -WhatIf shows the real outcome.
    /// </summary>
    public static string Prepare(IdentityStoreDocument document, MailEnabledObjectRequest request, IOperationSink sink)
    {
        RequireProvider(document);
        ApplyCreateMethod(document, request, sink);
        RequirePasswordAllowed(document, request);
        request.Alias = ResolveAlias(document, request);
        return request.Alias;
    }

    /// <summary>With the Exchange create method Enable the user already exists in the directory: New becomes Enable.</summary>
    public static void ApplyCreateMethod(IdentityStoreDocument document, MailEnabledObjectRequest request, IOperationSink sink)
    {
        if (document.Messaging.Provider == MessagingProviderType.Exchange && request.Kind == MailEnabledObjectKind.User &&
            request.Mode == MailEnabledObjectMode.New && document.Messaging.Exchange?.CreateMethod == ExchangeCreateMethod.Enable)
        {
            sink.Verbose($"Identity store '{document.Name}' uses the create method Enable: '{request.Identity}' is mail-enabled, not created by Exchange.");
            request.Mode = MailEnabledObjectMode.Enable;
        }
    }

    public static void RequireProvider(IdentityStoreDocument document)
    {
        if (document.Messaging.Provider == MessagingProviderType.None)
        {
            throw new MessagingProviderException(ErrorIds.NoMessagingProvider, ErrorKind.InvalidOperation,
                $"The identity store '{document.Name}' has no messaging provider (None), so it cannot create mail-enabled objects. Run Set-MessagingProvider -IdentityStore '{document.Name}' -Provider Exchange (or another provider) first.",
                document.Name);
        }
    }

    /// <summary>The connector can set a password only when Exchange creates the user, and only over Negotiate or CredSSP; anything else fails with "unauthorized".</summary>
    public static void RequirePasswordAllowed(IdentityStoreDocument document, MailEnabledObjectRequest request)
    {
        if (request.Password is null) return;
        ExchangeSettings? exchange = document.Messaging.Exchange;
        string? why = null;
        if (document.Messaging.Provider != MessagingProviderType.Exchange)
        {
            why = $"the {document.Messaging.Provider} provider creates no user accounts";
        }
        else if (request.Kind != MailEnabledObjectKind.User || request.Mode != MailEnabledObjectMode.New || exchange!.CreateMethod != ExchangeCreateMethod.New)
        {
            why = "a password can be set only when Exchange creates the user (New-MailEnabledUser with the store's create method New)";
        }
        else if (exchange.Authentication != ExchangeAuthentication.Negotiate && exchange.Authentication != ExchangeAuthentication.CredSSP)
        {
            why = $"the store authenticates with {exchange.Authentication}, and Exchange refuses to set passwords (\"unauthorized\") unless the session uses Negotiate or CredSSP. Run Set-MessagingProvider -IdentityStore '{document.Name}' -Authentication Negotiate";
        }

        if (why is not null)
        {
            throw new MessagingProviderException(ErrorIds.PasswordNotAllowed, ErrorKind.InvalidOperation,
                $"-Password cannot be used for '{request.Identity}': {why}.", request.Identity);
        }
    }

    /// <summary>The alias given or generated from the names, checked with the store's alias rules.</summary>
    public static string ResolveAlias(IdentityStoreDocument document, MailEnabledObjectRequest request)
    {
        bool generated = string.IsNullOrWhiteSpace(request.Alias);
        string alias = generated ? AliasGenerator.From(request) : request.Alias!.Trim();
        EmailAliasTestResult test = AliasPolicy.For(document.Messaging).Test(document.Name, alias);
        if (!test.IsValid)
        {
            string source = generated ? $"The alias '{alias}' generated from its names" : $"The alias '{alias}'";
            throw new MessagingProviderException(ErrorIds.InvalidAlias, ErrorKind.InvalidArgument,
                $"{source} cannot be used for '{request.Identity}': {string.Join(" ", test.Reasons)} Give a valid -Alias (Test-EmailAlias checks one).",
                alias);
        }

        return alias;
    }
}
