using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Providers;

/// <summary>
/// The client secret's expiry as the user gives it (-ClientSecretExpiry): the readiness report
/// falls back on it when the app registration cannot be read through Microsoft Graph. A new secret
/// without an expiry, or no secret at all, drops the stored date (it belonged to the old secret).
/// </summary>
public static class ClientSecretExpiryChanges
{
    public static void Apply(Office365Settings settings, ProviderChange change)
    {
        if (change.ClientSecretExpiry is not null)
        {
            if (settings.ClientSecret is null)
            {
                throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                    "-ClientSecretExpiry belongs to a client secret: give it with -ClientSecret, or for a store that signs in with a client secret.");
            }

            settings.ClientSecretExpiry = change.ClientSecretExpiry.Value.ToUniversalTime();
        }
        else if (change.ClientSecret is not null || settings.ClientSecret is null)
        {
            settings.ClientSecretExpiry = null;
        }
    }
}
