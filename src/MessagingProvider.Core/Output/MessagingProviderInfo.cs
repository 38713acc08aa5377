using System;
using System.Linq;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

/// <summary>A provider as output shows it: secrets are masked, never decrypted.</summary>
public class MessagingProviderInfo
{
    public string IdentityStore { get; set; } = "";
    public MessagingProviderType Provider { get; set; }
    public DateTimeOffset Modified { get; set; }

    public static MessagingProviderInfo From(IdentityStoreDocument document)
    {
        MessagingProviderSettings s = document.Messaging;
        MessagingProviderInfo info = s.Provider switch
        {
            MessagingProviderType.Exchange when s.Exchange is not null => ExchangeProviderInfo.From(document.Name, s.Exchange),
            MessagingProviderType.Office365 when s.Office365 is not null => Office365ProviderInfo.From(s.Office365),
            MessagingProviderType.GoogleWorkspace when s.GoogleWorkspace is not null => GoogleWorkspaceProviderInfo.From(s.GoogleWorkspace),
            MessagingProviderType.Other when s.Other is not null => OtherProviderInfo.From(s.Other),
            _ => new MessagingProviderInfo(),
        };
        info.IdentityStore = document.Name;
        info.Provider = s.Provider;
        info.Modified = document.Modified;
        return info;
    }

    internal static string? Masked(ProtectedSecret? secret) => secret is null ? null : ProtectedSecret.Mask;
}

public sealed class ExchangeProviderInfo : MessagingProviderInfo
{
    /// <summary>2013, 2016, 2019 or SE.</summary>
    public string Version { get; set; } = "";
    public string? Domain { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public ExchangeDeployment Deployment { get; set; }
    public ExchangeAuthentication Authentication { get; set; }
    public bool UseSsl { get; set; }
    public ExchangeCreateMethod CreateMethod { get; set; }
    public string[] ExcludedSmtpDomain { get; set; } = Array.Empty<string>();
    public ExchangeServerInfo[] Servers { get; set; } = Array.Empty<ExchangeServerInfo>();

    internal static ExchangeProviderInfo From(string store, ExchangeSettings s) => new ExchangeProviderInfo
    {
        Version = ExchangeVersionNames.Display(s.Version),
        Domain = s.Domain,
        UserName = s.UserName,
        Password = Masked(s.Password),
        Deployment = s.Deployment,
        Authentication = s.Authentication,
        UseSsl = s.UseSsl,
        CreateMethod = s.CreateMethod,
        ExcludedSmtpDomain = s.ExcludedSmtpDomains.ToArray(),
        Servers = s.Servers.OrderBy(x => x.Priority).Select(x => ExchangeServerInfo.From(store, x)).ToArray(),
    };
}

public sealed class Office365ProviderInfo : MessagingProviderInfo
{
    public CloudEnvironment Cloud { get; set; }
    public string? Domain { get; set; }
    public string? Organization { get; set; }
    public string? ApplicationId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The client secret's expiry as given with -ClientSecretExpiry (used when Graph cannot be read).</summary>
    public DateTimeOffset? ClientSecretExpiry { get; set; }
    public CertificateInfo? Certificate { get; set; }

    /// <summary>How the app signs in: ClientSecret, Certificate (stored PFX), CertificateStore (by thumbprint) or ManagedIdentity.</summary>
    public Office365SignIn SignIn { get; set; }

    /// <summary>CertificateStore: the thumbprint and the store (CurrentUser\My or LocalMachine\My).</summary>
    public string? CertificateThumbprint { get; set; }
    public CertificateStoreLocation? CertificateStoreLocation { get; set; }

    /// <summary>ManagedIdentity: the user-assigned identity's client ID; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The endpoints in use: the cloud's own, or the stored override.</summary>
    public string AuthorityHost { get; set; } = "";
    public string GraphEndpoint { get; set; } = "";
    public string ExchangeOnlineEndpoint { get; set; } = "";
    public string SmtpHost { get; set; } = "";

    /// <summary>True when at least one endpoint is overridden.</summary>
    public bool EndpointsOverridden { get; set; }

    internal static Office365ProviderInfo From(Office365Settings s)
    {
        CloudEndpoints endpoints = CloudTable.Resolve(s);
        return new Office365ProviderInfo
        {
            Cloud = s.Cloud,
            Domain = s.Domain,
            Organization = s.Organization,
            ApplicationId = s.ApplicationId,
            ClientSecret = Masked(s.ClientSecret),
            ClientSecretExpiry = s.ClientSecretExpiry,
            Certificate = s.Certificate is null ? null : CertificateInfo.From(s.Certificate),
            SignIn = s.EffectiveSignIn,
            CertificateThumbprint = s.CertificateThumbprint,
            CertificateStoreLocation = s.CertificateStoreLocation,
            ManagedIdentityClientId = s.ManagedIdentityClientId,
            AuthorityHost = endpoints.AuthorityHost.ToString(),
            GraphEndpoint = endpoints.GraphEndpoint.ToString(),
            ExchangeOnlineEndpoint = endpoints.ExchangeOnlineEndpoint.ToString(),
            SmtpHost = endpoints.SmtpHost,
            EndpointsOverridden = s.Endpoints is not null,
        };
    }
}

public sealed class GoogleWorkspaceProviderInfo : MessagingProviderInfo
{
    public string? ServiceAccount { get; set; }
    public string? AdminUser { get; set; }

    /// <summary>KeyFile (the stored P12/JSON key) or Impersonation (keyless, through the IAM Credentials API).</summary>
    public GoogleSignIn SignIn { get; set; }
    public GoogleKeyType KeyType { get; set; }
    public string? KeyId { get; set; }
    public DateTimeOffset? KeyNotAfter { get; set; }
    public string? Key { get; set; }

    /// <summary>The endpoints in use: Google's own, or the stored override.</summary>
    public string TokenEndpoint { get; set; } = "";
    public string DirectoryApiEndpoint { get; set; } = "";
    public string IamCredentialsEndpoint { get; set; } = "";

    internal static GoogleWorkspaceProviderInfo From(GoogleWorkspaceSettings s) => new GoogleWorkspaceProviderInfo
    {
        SignIn = s.EffectiveSignIn,
        IamCredentialsEndpoint = GoogleEndpoints.IamCredentials(s).ToString(),
        TokenEndpoint = GoogleEndpoints.TokenEndpoint(s).ToString(),
        DirectoryApiEndpoint = GoogleEndpoints.DirectoryApi(s).ToString(),
        ServiceAccount = s.ServiceAccount,
        AdminUser = s.AdminUser,
        KeyType = s.KeyType,
        KeyId = s.KeyId,
        KeyNotAfter = s.KeyNotAfter,
        Key = Masked(s.Key),
    };
}

public sealed class OtherProviderInfo : MessagingProviderInfo
{
    public string? Domain { get; set; }
    public int? MaximumAliasLength { get; set; }
    public string? AliasPattern { get; set; }

    internal static OtherProviderInfo From(OtherProviderSettings s) => new OtherProviderInfo
    {
        Domain = s.Domain,
        MaximumAliasLength = s.MaximumAliasLength,
        AliasPattern = s.AliasPattern,
    };
}
