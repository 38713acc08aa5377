using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Providers;

/// <summary>Which Set-MessagingProvider parameters belong to which provider.</summary>
public static class ProviderParameters
{
    private static readonly string[] Common = { "IdentityStore", "Provider", "PassThru", "Force" };

    private static readonly Dictionary<MessagingProviderType, string[]> Specific = new Dictionary<MessagingProviderType, string[]>
    {
        [MessagingProviderType.Exchange] = new[] { "Version", "Domain", "Credential", "Server", "Deployment", "Authentication", "UseSsl", "CreateMethod", "ExcludedSmtpDomain" },
        [MessagingProviderType.Office365] = new[] { "Cloud", "Domain", "Organization", "ApplicationId", "ClientSecret", "CertificatePath", "CertificatePassword", "CertificateThumbprint", "CertificateStoreLocation", "ManagedIdentity", "ManagedIdentityClientId", "ClientSecretExpiry", "AuthorityHost", "GraphEndpoint", "ExchangeOnlineEndpoint" },
        [MessagingProviderType.GoogleWorkspace] = new[] { "ServiceAccount", "AdminUser", "KeyPath", "KeyPassword", "SignIn", "IamCredentialsEndpoint", "TokenEndpoint", "DirectoryApiEndpoint" },
        [MessagingProviderType.Other] = new[] { "Domain", "MaximumAliasLength", "AliasPattern" },
        [MessagingProviderType.None] = Array.Empty<string>(),
    };

    public static IReadOnlyList<string> For(MessagingProviderType provider) => Specific[provider];

    public static void RequireFit(MessagingProviderType provider, IEnumerable<string> given)
    {
        string[] allowed = Specific[provider];
        var misplaced = given
            .Where(p => !Common.Contains(p, StringComparer.OrdinalIgnoreCase) && !allowed.Contains(p, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (misplaced.Count == 0) return;

        string list = string.Join(", ", misplaced.Select(p => "-" + p));
        string fits = allowed.Length == 0 ? "no provider settings" : string.Join(", ", allowed.Select(p => "-" + p));
        throw new MessagingProviderException(ErrorIds.ParameterNotValidForProvider, ErrorKind.InvalidArgument,
            $"{list} cannot be used with -Provider {provider}. {provider} takes {fits}.", provider);
    }
}
