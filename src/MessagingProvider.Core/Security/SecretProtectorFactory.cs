using System;
using System.Runtime.InteropServices;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

internal static class SecretProtectorFactory
{
    public static ISecretProtector ForDirectory(string directory)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return new DpapiSecretProtector();
#if NET
        return new AesGcmSecretProtector(directory);
#else
        throw new PlatformNotSupportedException("Windows PowerShell runs only on Windows.");
#endif
    }

    /// <summary>Picks the protector that wrote <paramref name="secret"/>.</summary>
    public static ISecretProtector ForSecret(ProtectedSecret secret, string directory)
    {
        ISecretProtector current = ForDirectory(directory);
        if (string.Equals(secret.Scheme, current.Scheme, StringComparison.Ordinal) || string.Equals(secret.Scheme, current.BoundScheme, StringComparison.Ordinal)) return current;
        throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.NotSupported,
            $"A stored secret was protected with '{secret.Scheme}', which this platform cannot read ({current.Scheme}). Set the secret again on this machine.");
    }
}
