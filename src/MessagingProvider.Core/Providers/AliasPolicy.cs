using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Providers;

/// <summary>The alias rules of an identity store's provider.</summary>
public sealed class AliasPolicy
{
    private AliasPolicy(string? domain, int? maximumLength, string? pattern)
    {
        Domain = domain;
        MaximumLength = maximumLength;
        Pattern = pattern;
    }

    public string? Domain { get; }
    public int? MaximumLength { get; }
    public string? Pattern { get; }

    public static AliasPolicy For(MessagingProviderSettings settings) => settings.Provider switch
    {
        MessagingProviderType.Exchange => new AliasPolicy(settings.Exchange?.Domain, null, null),
        MessagingProviderType.Office365 => new AliasPolicy(settings.Office365?.Domain, null, null),
        MessagingProviderType.GoogleWorkspace => new AliasPolicy(DomainOf(settings.GoogleWorkspace?.AdminUser), null, null),
        MessagingProviderType.Other => new AliasPolicy(settings.Other?.Domain, settings.Other?.MaximumAliasLength, settings.Other?.AliasPattern),
        _ => new AliasPolicy(null, null, null),
    };

    public EmailAliasTestResult Test(string identityStore, string alias)
    {
        var reasons = EmailAliasRules.Validate(alias, MaximumLength, Pattern).ToArray();
        return new EmailAliasTestResult
        {
            IdentityStore = identityStore,
            Alias = alias,
            IsValid = reasons.Length == 0,
            Address = reasons.Length == 0 && Domain is not null ? alias + "@" + Domain : null,
            Reasons = reasons,
        };
    }

    private static string? DomainOf(string? address)
    {
        int at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address!.Substring(at + 1);
    }
}
