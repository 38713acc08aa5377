using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Readiness.Checks;

/// <summary>
/// The client secret's expiry as the user stored it (Set-MessagingProvider -ClientSecretExpiry):
/// what <see cref="AppCredentialExpiryCheck"/> falls back on when it cannot read the app registration.
/// </summary>
public static class StoredSecretExpiryCheck
{
    public static void Run(ReadinessContext context, Office365Settings o365)
    {
        if (o365.ClientSecret is null || o365.ClientSecretExpiry is not DateTimeOffset expiry || expiry > context.Horizon) return;
        bool expired = expiry <= context.Now;
        context.Add(ReadinessSeverity.Critical, ReadinessCheck.AppCredentialExpiring,
            $"App registration {o365.ApplicationId} client secret (stored expiry)", expiry,
            expired
                ? $"The stored client secret expired on {expiry:yyyy-MM-dd} (the date given with -ClientSecretExpiry): a sign-in that still uses it fails with AADSTS7000222."
                : $"The stored client secret expires on {expiry:yyyy-MM-dd} (the date given with -ClientSecretExpiry; in {Math.Ceiling((expiry - context.Now).TotalDays):0} days); a sign-in that uses it then fails (Exchange Online recipients, Graph mail delivery, status probes).",
            "Add a new client secret to the app registration, then Set-MessagingProvider -Provider Office365 -ClientSecret <new secret> -ClientSecretExpiry <its expiry>; or move to a certificate or managed identity.");
    }
}
