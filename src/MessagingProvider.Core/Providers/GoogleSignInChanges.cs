using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Providers;

/// <summary>
/// The Google Workspace sign-in part of Set-MessagingProvider: a key file (-KeyPath) or keyless
/// impersonation (-SignIn Impersonation), which keeps no key and so discards a stored one.
/// </summary>
public static class GoogleSignInChanges
{
    public static void Apply(GoogleWorkspaceSettings settings, ProviderChange change, SecretVault vault)
    {
        if (change.IamCredentialsEndpoint is not null)
        {
            settings.IamCredentialsEndpoint = EndpointUri.RequireOverride(change.IamCredentialsEndpoint, "IamCredentialsEndpoint");
        }

        if (change.GoogleSignIn == GoogleSignIn.Impersonation && change.KeyPath is not null)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                "-SignIn Impersonation keeps no key file: leave out -KeyPath (or use -SignIn KeyFile with it).");
        }

        if (change.KeyPath is not null)
        {
            GoogleKeyImporter.Import(change.KeyPath, change.KeyPassword, vault, settings);
            settings.SignIn = null;
        }
        else if (change.KeyPassword is not null)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                "-KeyPassword needs -KeyPath: give the P12 file together with its password.");
        }
        else if (change.GoogleSignIn == GoogleSignIn.Impersonation)
        {
            settings.SignIn = GoogleSignIn.Impersonation;
            settings.Key = null;
            settings.KeyPassword = null;
            settings.KeyId = null;
            settings.KeyNotAfter = null;
        }
        else if (change.GoogleSignIn == GoogleSignIn.KeyFile && settings.EffectiveSignIn == GoogleSignIn.Impersonation)
        {
            settings.SignIn = null;
        }

        bool keyless = settings.EffectiveSignIn == GoogleSignIn.Impersonation;
        MessagingProviderChanges.RequireSettings(MessagingProviderType.GoogleWorkspace,
            ("-ServiceAccount", settings.ServiceAccount is not null),
            ("-AdminUser", settings.AdminUser is not null),
            ("-KeyPath or -SignIn Impersonation", keyless || settings.Key is not null));
    }
}
