using System;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>Windows: DPAPI bound to the current user, as Export-Clixml does for credentials.</summary>
internal sealed class DpapiSecretProtector : ISecretProtector
{
    internal const string SchemeName = "dpapi-user";
    private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("MessagingProvider.v1");

    public string Scheme => SchemeName;

    public ProtectedSecret Protect(byte[] plain)
    {
#if NET
        if (!OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
#endif
        byte[] data = ProtectedData.Protect(plain, Entropy, DataProtectionScope.CurrentUser);
        return new ProtectedSecret { Scheme = SchemeName, Data = Convert.ToBase64String(data) };
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
#if NET
        if (!OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
#endif
        try
        {
            return ProtectedData.Unprotect(Convert.FromBase64String(secret.Data), Entropy, DataProtectionScope.CurrentUser);
        }
        catch (CryptographicException e)
        {
            throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
                "A stored secret could not be decrypted. DPAPI secrets can only be read by the Windows user who stored them; set the secret again as this user.",
                innerException: e);
        }
    }
}
