using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Configuration.Portable;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Commands;

/// <summary>
/// Creates (or with -Force replaces) an identity store from an export file. The secrets are protected
/// for this account or machine with the store's protection scope; -WhatIf lists what would change.
/// </summary>
[Cmdlet(VerbsData.Import, "IdentityStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IdentityStoreInfo))]
public sealed class ImportIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Imports under this name instead of the one in the file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>Replaces a store that already exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string path = ResolveFilePath(Path);
            IdentityStoreDocument imported = StoreFileReader.Read(path, Password);
            if (Name is not null) imported.Name = Name;
            if (!ShouldProcess(imported.Name, Describe(imported))) return;

            IdentityStoreDocument written = Store.Import(imported, Force, CancellationToken);
            WriteVerbose($"Imported '{written.Name}' from '{path}' into {Store.PathOf(written.Name)}.");
            if (written.Protection?.Scope == SecretProtectionScope.Certificate && !ProtectionCertificates.HoldsAnyPrivateKey(written.Protection.Certificates))
            {
                WriteWarning($"'{written.Name}' is protected with certificates and this account holds none of their private keys: it can replace the secrets but not read them.");
            }
            if (PassThru) WriteObject(IdentityStoreInfo.From(written, Store.PathOf(written.Name)));
        });
    }

    private string Describe(IdentityStoreDocument imported)
    {
        if (!Store.Exists(imported.Name)) return "Create identity store from the export file";
        List<StoreDifference> differences = StoreComparer.Compare(imported, Store.Get(imported.Name), Store.Secrets);
        if (differences.Count == 0) return "Replace identity store (no setting changes)";
        return $"Replace identity store ({differences.Count} setting(s) change: {string.Join(", ", differences.Select(d => d.Setting))})";
    }
}
