using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Security;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The three ways Set- and Export-IdentityStore are given certificates to encrypt to: objects, thumbprints, files (a <see cref="ParameterGroups"/> holder).</summary>
internal sealed class CertificateParameters
{
    /// <summary>Certificates to encrypt to (public part is enough), e.g. from Get-ChildItem Cert:\LocalMachine\My.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public X509Certificate2[]? Certificate { get; set; }

    /// <summary>Thumbprints of certificates in the personal store of this account or the machine.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CertificateThumbprint { get; set; }

    /// <summary>Public certificate files (.cer, .crt, .pem).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CertificatePath { get; set; }

    public List<X509Certificate2> Resolve(Func<string, string> resolvePath)
    {
        var resolved = new List<X509Certificate2>();
        if (Certificate is not null) resolved.AddRange(Certificate);
        foreach (string thumbprint in CertificateThumbprint ?? Array.Empty<string>()) resolved.Add(ProtectionCertificates.FindByThumbprint(thumbprint));
        foreach (string path in CertificatePath ?? Array.Empty<string>()) resolved.Add(ProtectionCertificates.FromFile(resolvePath(path)));
        return resolved;
    }
}
