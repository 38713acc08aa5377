using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Commands;

/// <summary>
/// Chooses who can read an identity store's secrets and re-protects every one of them in a single
/// write: the current user (default), the machine, or the holders of one or more certificates.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IdentityStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IdentityStoreInfo))]
public sealed class SetIdentityStoreCommand : MessagingProviderCmdlet, IDynamicParameters
{
    private readonly CertificateParameters _certificates = new CertificateParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _certificates };

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("IdentityStore")]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true)]
    public SecretProtectionScope ProtectionScope { get; set; }

    /// <summary>Linux and macOS, LocalMachine: the group that may read the machine key; run as root to create the key.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyGroup { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        TryRun(() =>
        {
            Store.Get(Name);
            List<X509Certificate2> certificates = _certificates.Resolve(ResolveFilePath);
            SecretProtectionSettings? settings = StoreProtectionRules.Build(ProtectionScope, certificates, KeyGroup, DateTimeOffset.UtcNow);
            string target = StoreProtectionRules.Describe(settings);
            if (!ShouldProcess(Name, $"Re-protect every secret for {target}")) return;

            StoreProtectionRules.PrepareMachineKey(settings);
            IdentityStoreDocument updated = Store.Update(Name, d => d.Protection = settings, CancellationToken);
            WriteVerbose($"The secrets of '{updated.Name}' are protected for {target}, in {Store.PathOf(updated.Name)}.");
            if (settings is not null && settings.Scope == SecretProtectionScope.Certificate && !ProtectionCertificates.HoldsAnyPrivateKey(settings.Certificates))
            {
                WriteWarning($"This account holds none of the private keys: it can no longer read the secrets of '{updated.Name}', only replace them. Accounts that hold one can.");
            }

            if (PassThru) WriteObject(IdentityStoreInfo.From(updated, Store.PathOf(updated.Name)));
        });
    }
}
