using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

/// <summary>Checks a requested protection scope and makes what it needs (the machine key) before the store is re-protected.</summary>
public static class StoreProtectionRules
{
    /// <summary>The settings to store; null for <see cref="SecretProtectionScope.CurrentUser"/>, the default.</summary>
    public static SecretProtectionSettings? Build(SecretProtectionScope scope, IReadOnlyList<X509Certificate2> certificates, string? keyGroup, DateTimeOffset now)
    {
        if (scope != SecretProtectionScope.Certificate && certificates.Count > 0)
        {
            throw new MessagingProviderException(ErrorIds.ProtectionCertificateInvalid, ErrorKind.InvalidArgument,
                $"Certificates protect only a store with -ProtectionScope Certificate, not {scope}.");
        }

        if (keyGroup is not null && (scope != SecretProtectionScope.LocalMachine || RuntimeInformation.IsOSPlatform(OSPlatform.Windows)))
        {
            throw new MessagingProviderException(ErrorIds.ProtectionKeyGroupInvalid, ErrorKind.InvalidArgument,
                "-KeyGroup names the group that may read the machine key of a LocalMachine store on Linux and macOS; Windows (DPAPI) and the other scopes have none.");
        }

        switch (scope)
        {
            case SecretProtectionScope.Certificate:
                if (certificates.Count == 0)
                {
                    throw new MessagingProviderException(ErrorIds.ProtectionCertificateRequired, ErrorKind.InvalidArgument,
                        "-ProtectionScope Certificate needs at least one certificate: give -Certificate, -CertificateThumbprint or -CertificatePath.");
                }

                List<ProtectionCertificate> described = certificates.Select(c => ProtectionCertificates.Describe(c, now))
                    .GroupBy(c => c.Thumbprint, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
                return new SecretProtectionSettings { Scope = scope, Certificates = described };
            case SecretProtectionScope.LocalMachine:
                return new SecretProtectionSettings { Scope = scope, KeyGroup = keyGroup };
            default:
                return null;
        }
    }

    /// <summary>
    /// On Linux and macOS a LocalMachine store needs the machine key: made here when root names its
    /// group, otherwise it must exist already (and be readable by this account).
    /// </summary>
    public static void PrepareMachineKey(SecretProtectionSettings? settings)
    {
        if (SecretProtectionSettings.ScopeOf(settings) != SecretProtectionScope.LocalMachine || RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
#if NET
        var key = new MachineKeyFile();
        if (settings!.KeyGroup is not null) key.Create(settings.KeyGroup);
        key.GetKey(createIfMissing: false);
#endif
    }

    public static string Describe(SecretProtectionSettings? settings) => SecretProtectionSettings.ScopeOf(settings) switch
    {
        SecretProtectionScope.Certificate => "certificates " + string.Join(", ", settings!.Certificates.Select(c => $"{c.Subject} ({c.Thumbprint})")),
        SecretProtectionScope.LocalMachine => RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? "the machine (DPAPI LocalMachine)"
            : $"the machine key{(settings!.KeyGroup is null ? "" : $" readable by group '{settings.KeyGroup}'")}",
        _ => "the current user only",
    };
}
