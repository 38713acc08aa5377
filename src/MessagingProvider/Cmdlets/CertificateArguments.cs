using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Security;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The three ways a cmdlet is given certificates to encrypt to: objects, thumbprints, files.</summary>
internal static class CertificateArguments
{
    public static List<X509Certificate2> Resolve(X509Certificate2[]? certificates, string[]? thumbprints, string[]? paths, Func<string, string> resolvePath)
    {
        var resolved = new List<X509Certificate2>();
        if (certificates is not null) resolved.AddRange(certificates);
        foreach (string thumbprint in thumbprints ?? Array.Empty<string>()) resolved.Add(ProtectionCertificates.FindByThumbprint(thumbprint));
        foreach (string path in paths ?? Array.Empty<string>()) resolved.Add(ProtectionCertificates.FromFile(resolvePath(path)));
        return resolved;
    }
}
