using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Security;

namespace MessagingProvider.Providers;

/// <summary>
/// Applies a <see cref="ProviderChange"/> to a document. All validation and file reading happens
/// here, inside the store's update, so a rejected change leaves the stored file untouched.
/// </summary>
public static class MessagingProviderChanges
{
    /// <summary>True when applying the change discards another provider's settings.</summary>
    public static bool DiscardsSettings(MessagingProviderSettings current, MessagingProviderType requested) =>
        current.Provider != MessagingProviderType.None && current.Provider != requested;

    public static void Apply(IdentityStoreDocument document, ProviderChange change, SecretVault vault)
    {
        ProviderParameters.RequireFit(change.Provider, change.GivenParameters);
        MessagingProviderSettings current = document.Messaging;
        bool keep = current.Provider == change.Provider;
        var next = new MessagingProviderSettings { Provider = change.Provider };
        switch (change.Provider)
        {
            case MessagingProviderType.Exchange:
                next.Exchange = ApplyExchange(keep ? current.Exchange : null, change, vault);
                break;
            case MessagingProviderType.Office365:
                next.Office365 = ApplyOffice365(keep ? current.Office365 : null, change, vault);
                break;
            case MessagingProviderType.GoogleWorkspace:
                next.GoogleWorkspace = ApplyGoogle(keep ? current.GoogleWorkspace : null, change, vault);
                break;
            case MessagingProviderType.Other:
                next.Other = ApplyOther(keep ? current.Other : null, change);
                break;
        }

        document.Messaging = next;
    }

    private static ExchangeSettings ApplyExchange(ExchangeSettings? existing, ProviderChange change, SecretVault vault)
    {
        ExchangeSettings settings = existing ?? new ExchangeSettings();
        if (change.Domain is not null) settings.Domain = DomainName.Require(change.Domain, "Domain");
        if (change.Version.HasValue) settings.Version = change.Version.Value;
        if (change.Deployment.HasValue) settings.Deployment = change.Deployment.Value;
        if (change.Authentication.HasValue) settings.Authentication = change.Authentication.Value;
        if (change.UseSsl.HasValue) settings.UseSsl = change.UseSsl.Value;
        if (change.CreateMethod.HasValue) settings.CreateMethod = change.CreateMethod.Value;
        if (change.ExcludedSmtpDomains is not null)
        {
            settings.ExcludedSmtpDomains = change.ExcludedSmtpDomains
                .Select(d => DomainName.Require(d, "ExcludedSmtpDomain"))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        if (change.Servers is not null) ExchangeServerChanges.Replace(settings.Servers, change.Servers);
        // Before the password is protected: a refused change must not even create the key file.
        Exchange.Remoting.ExchangeTransportSecurity.RequireProtectedBasic(settings);
        if (change.Credential is not null)
        {
            settings.UserName = change.Credential.UserName;
            settings.Password = vault.Protect(change.Credential.Password);
        }

        RequireSettings(MessagingProviderType.Exchange,
            ("-Domain", settings.Domain is not null),
            ("-Credential", settings.UserName is not null && settings.Password is not null));
        return settings;
    }

    private static Office365Settings ApplyOffice365(Office365Settings? existing, ProviderChange change, SecretVault vault)
    {
        Office365Settings settings = existing ?? new Office365Settings();
        // Before any secret is protected: a bad URL must not even create the key file.
        ApplyEndpointOverrides(settings, change);
        if (change.Cloud.HasValue) settings.Cloud = change.Cloud.Value;
        if (change.Domain is not null) settings.Domain = DomainName.Require(change.Domain, "Domain");
        if (change.Organization is not null) settings.Organization = RequireOrganization(change.Organization);
        if (change.ApplicationId is not null) settings.ApplicationId = RequireApplicationId(change.ApplicationId);
        if (change.CertificatePassword is not null && change.CertificatePath is null)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                "-CertificatePassword needs -CertificatePath: give the PFX file together with its password.");
        }

        Office365SignInChanges.Apply(settings, change, vault);
        ClientSecretExpiryChanges.Apply(settings, change);
        Office365SignIn kind = settings.EffectiveSignIn;
        RequireSettings(MessagingProviderType.Office365,
            ("-Domain", settings.Domain is not null),
            ("-Organization", settings.Organization is not null),
            ("-ApplicationId", settings.ApplicationId is not null || kind == Office365SignIn.ManagedIdentity),
            ("-ClientSecret, -CertificatePath, -CertificateThumbprint or -ManagedIdentity", settings.ClientSecret is not null || settings.Certificate is not null || kind is Office365SignIn.CertificateStore or Office365SignIn.ManagedIdentity));
        return settings;
    }

    private static void ApplyEndpointOverrides(Office365Settings settings, ProviderChange change)
    {
        if (change.AuthorityHost is null && change.GraphEndpoint is null && change.ExchangeOnlineEndpoint is null) return;
        Office365EndpointOverrides overrides = settings.Endpoints ?? new Office365EndpointOverrides();
        if (change.AuthorityHost is not null) overrides.AuthorityHost = EndpointUri.RequireOverride(change.AuthorityHost, "AuthorityHost");
        if (change.GraphEndpoint is not null) overrides.GraphEndpoint = EndpointUri.RequireOverride(change.GraphEndpoint, "GraphEndpoint");
        if (change.ExchangeOnlineEndpoint is not null) overrides.ExchangeOnlineEndpoint = EndpointUri.RequireOverride(change.ExchangeOnlineEndpoint, "ExchangeOnlineEndpoint");
        settings.Endpoints = overrides.IsEmpty ? null : overrides;
    }

    private static GoogleWorkspaceSettings ApplyGoogle(GoogleWorkspaceSettings? existing, ProviderChange change, SecretVault vault)
    {
        GoogleWorkspaceSettings settings = existing ?? new GoogleWorkspaceSettings();
        if (change.TokenEndpoint is not null) settings.TokenEndpoint = EndpointUri.RequireOverride(change.TokenEndpoint, "TokenEndpoint", keepPath: true);
        if (change.DirectoryApiEndpoint is not null) settings.DirectoryApiEndpoint = EndpointUri.RequireOverride(change.DirectoryApiEndpoint, "DirectoryApiEndpoint");
        if (change.ServiceAccount is not null) settings.ServiceAccount = EmailAddressSyntax.Require(change.ServiceAccount, "ServiceAccount");
        if (change.AdminUser is not null) settings.AdminUser = EmailAddressSyntax.Require(change.AdminUser, "AdminUser");
        GoogleSignInChanges.Apply(settings, change, vault);
        return settings;
    }

    private static OtherProviderSettings ApplyOther(OtherProviderSettings? existing, ProviderChange change)
    {
        OtherProviderSettings settings = existing ?? new OtherProviderSettings();
        if (change.Domain is not null) settings.Domain = DomainName.Require(change.Domain, "Domain");
        if (change.MaximumAliasLength.HasValue)
        {
            int length = change.MaximumAliasLength.Value;
            if (length < 1 || length > EmailAliasRules.SmtpLocalPartMaximum)
            {
                throw new MessagingProviderException(ErrorIds.InvalidMaximumAliasLength, ErrorKind.InvalidArgument,
                    $"-MaximumAliasLength {length} is out of range: an SMTP alias has 1 to {EmailAliasRules.SmtpLocalPartMaximum} characters.", length);
            }

            settings.MaximumAliasLength = length;
        }

        if (change.AliasPattern is not null)
        {
            if (change.AliasPattern.Length == 0)
            {
                settings.AliasPattern = null;
            }
            else
            {
                EmailAliasRules.CompilePattern(change.AliasPattern);
                settings.AliasPattern = change.AliasPattern;
            }
        }

        RequireSettings(MessagingProviderType.Other, ("-Domain", settings.Domain is not null));
        return settings;
    }

    private static string RequireOrganization(string organization)
    {
        string trimmed = organization.Trim();
        if (Guid.TryParse(trimmed, out _) || DomainName.IsValid(trimmed, requireDot: true)) return trimmed;
        throw new MessagingProviderException(ErrorIds.InvalidDomainName, ErrorKind.InvalidArgument,
            $"'{organization}' is not a valid -Organization. Give the tenant's initial domain (contoso.onmicrosoft.com) or its tenant ID (a GUID).", organization);
    }

    private static string RequireApplicationId(string applicationId)
    {
        if (Guid.TryParse(applicationId.Trim(), out Guid id)) return id.ToString();
        throw new MessagingProviderException(ErrorIds.InvalidApplicationId, ErrorKind.InvalidArgument,
            $"'{applicationId}' is not a valid -ApplicationId. Copy the Application (client) ID, a GUID, from the app registration in the Microsoft Entra admin center.", applicationId);
    }

    internal static void RequireSettings(MessagingProviderType provider, params (string Parameter, bool Present)[] required)
    {
        List<string> missing = required.Where(r => !r.Present).Select(r => r.Parameter).ToList();
        if (missing.Count == 0) return;
        throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
            $"{provider} needs {string.Join(", ", missing)}. Nothing was changed.", provider);
    }
}
