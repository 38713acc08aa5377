using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

internal static class SecretProtectorFactory
{
#if NET
    [System.Runtime.Versioning.SupportedOSPlatformGuard("windows")]
#endif
    private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

#if NET
    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
#endif
    private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The protector new secrets of a store protected with <paramref name="protection"/> are bound with.</summary>
    public static ISecretProtector For(SecretProtectionSettings? protection, string directory) =>
        SecretProtectionSettings.ScopeOf(protection) switch
        {
            SecretProtectionScope.Certificate => new CertificateSecretProtector(Certificates(protection!)),
            SecretProtectionScope.LocalMachine => MachineProtector(),
            _ => UserProtector(directory),
        };

    /// <summary>The protector that reads secrets written with <paramref name="scheme"/>.</summary>
    public static ISecretProtector ForScheme(string scheme, string directory)
    {
        switch (scheme)
        {
            case SecretSchemes.Cms:
                return CertificateSecretProtector.Reader();
            case SecretSchemes.DpapiUnbound:
            case SecretSchemes.DpapiUser:
                if (IsWindows) return DpapiSecretProtector.CurrentUser;
                break;
            case SecretSchemes.DpapiMachine:
                if (IsWindows) return DpapiSecretProtector.LocalMachine;
                break;
#if NET
            case SecretSchemes.AesUnbound:
            case SecretSchemes.AesUser:
                if (IsUnix) return AesGcmSecretProtector.ForUser(directory);
                break;
            case SecretSchemes.AesMachine:
                if (IsUnix) return AesGcmSecretProtector.ForMachine();
                break;
#endif
        }

        throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.NotSupported,
            $"A stored secret was protected with '{scheme}', which this platform cannot read. Protect the store with certificates (Set-IdentityStore -ProtectionScope Certificate) to move it between platforms, or set the secret again on this machine.");
    }

    private static ISecretProtector UserProtector(string directory)
    {
        if (IsWindows) return DpapiSecretProtector.CurrentUser;
#if NET
        if (IsUnix) return AesGcmSecretProtector.ForUser(directory);
        throw new PlatformNotSupportedException();
#else
        throw new PlatformNotSupportedException("Windows PowerShell runs only on Windows.");
#endif
    }

    private static ISecretProtector MachineProtector()
    {
        if (IsWindows) return DpapiSecretProtector.LocalMachine;
#if NET
        if (IsUnix) return AesGcmSecretProtector.ForMachine();
        throw new PlatformNotSupportedException();
#else
        throw new PlatformNotSupportedException("Windows PowerShell runs only on Windows.");
#endif
    }

    private static IReadOnlyList<X509Certificate2> Certificates(SecretProtectionSettings protection)
    {
        if (protection.Certificates.Count == 0)
        {
            throw new MessagingProviderException(ErrorIds.ProtectionCertificateRequired, ErrorKind.InvalidData,
                "The identity store is protected with certificates but lists none. Run Set-IdentityStore -ProtectionScope Certificate with -Certificate, -CertificateThumbprint or -CertificatePath.");
        }

        return protection.Certificates.Select(c => ProtectionCertificates.Open(c)).ToList();
    }
}
