using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;

namespace MessagingProvider.Commands;

/// <summary>Removes Exchange servers; the remaining servers close ranks (priorities stay 1..n).</summary>
[Cmdlet(VerbsCommon.Remove, "ExchangeServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveExchangeServerCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ExchangeServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Server { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string server in Server)
        {
            TryRun(() =>
            {
                ExchangeServerChanges.Find(ExchangeProviderGuard.Require(Store.Get(IdentityStore)).Servers, server);
                if (!ShouldProcess($"{server} ({IdentityStore})", "Remove Exchange server")) return;
                Store.Update(IdentityStore, d => ExchangeServerChanges.Remove(ExchangeProviderGuard.Require(d).Servers, new[] { server }), CancellationToken);
                WriteVerbose($"Removed Exchange server '{server}' from '{IdentityStore}'.");
            });
        }
    }
}
