using System;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Windows: DPAPI bound to the current user, as Export-Clixml does for credentials; a bound
/// secret's place is part of the optional entropy, so it decrypts only where it was stored.
/// </summary>
internal sealed class DpapiSecretProtector : ISecretProtector
{
    internal const string SchemeName = "dpapi-user";
    internal const string BoundSchemeName = "dpapi-user-v2";
    private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("MessagingProvider.v1");

    public string Scheme => SchemeName;

    public string BoundScheme => BoundSchemeName;

    private static byte[] EntropyFor(ProtectedSecret secret) =>
        secret.Scheme == BoundSchemeName ? Encoding.UTF8.GetBytes("MessagingProvider.v2|" + SecretPlace.Require(secret)) : Entropy;

    public ProtectedSecret Protect(byte[] plain, string? place)
    {
#if NET
        if (!OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
#endif
        var secret = new ProtectedSecret { Scheme = place is null ? SchemeName : BoundSchemeName, Place = place };
        secret.Data = Convert.ToBase64String(ProtectedData.Protect(plain, EntropyFor(secret), DataProtectionScope.CurrentUser));
        return secret;
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
#if NET
        if (!OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
#endif
        try
        {
            return ProtectedData.Unprotect(Convert.FromBase64String(secret.Data), EntropyFor(secret), DataProtectionScope.CurrentUser);
        }
        catch (CryptographicException e)
        {
            throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
                $"The stored secret {SecretPlace.Describe(secret)}could not be decrypted. DPAPI secrets can only be read by the Windows user who stored them, and a bound secret only in the field it was stored in (a value copied from another field or store is refused); set the secret again as this user.",
                innerException: e);
        }
    }
}
