using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Configuration.Portable;

namespace MessagingProvider.Commands;

/// <summary>
/// Writes an identity store to a portable file for another job server or account: every setting,
/// every secret re-encrypted for a password or for certificates, the whole store authenticated.
/// </summary>
[Cmdlet(VerbsData.Export, "IdentityStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo))]
public sealed class ExportIdentityStoreCommand : MessagingProviderCmdlet, IDynamicParameters
{
    private readonly CertificateParameters _certificates = new CertificateParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _certificates };

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("IdentityStore")]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>At least 12 characters; the key is derived with PBKDF2-HMAC-SHA256 (600,000 iterations).</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        TryRun(() =>
        {
            string path = ResolveFilePath(Path);
            IdentityStoreDocument document = Store.Get(Name);
            var protection = new StoreExportProtection
            {
                Password = Password,
                Certificates = _certificates.Resolve(ResolveFilePath),
            };
            StoreExporter.Check(protection, DateTimeOffset.UtcNow);
            if (!ShouldProcess(path, $"Export identity store '{document.Name}'")) return;

            WriteVerbose(Password is null
                ? $"Encrypting the secrets of '{document.Name}' to {protection.Certificates.Count} certificate(s)."
                : "Deriving the file key from the password (PBKDF2-HMAC-SHA256, 600,000 iterations).");
            byte[] content = StoreExporter.Export(document, Store.Secrets, protection, DateTimeOffset.UtcNow);
            StoreExporter.Save(path, content, Force);
            WriteVerbose($"Exported '{document.Name}' to '{path}' ({content.Length} bytes).");
            if (PassThru) WriteObject(new FileInfo(path));
        });
    }
}
