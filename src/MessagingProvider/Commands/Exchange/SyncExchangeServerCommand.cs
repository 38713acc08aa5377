using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Exchange.Status;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// "Sync Again": asks the first reachable server for the organization's Exchange servers
/// (Get-ExchangeServer), keeps existing priorities, appends new servers, removes the ones that no
/// longer exist (each confirmed), records versions, then probes every server's status.
/// </summary>
[Cmdlet(VerbsData.Sync, "ExchangeServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExchangeServerInfo))]
public sealed class SyncExchangeServerCommand : IdentityStoreCmdlet
{
    private ExchangeCommandRunner? _runner;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var progress = new ProgressRecord(2, "Sync-ExchangeServer", $"Reading the Exchange servers of '{IdentityStore}'");
            IdentityStoreDocument document = Store.Get(IdentityStore);
            ExchangeSettings settings = ExchangeProviderGuard.Require(document);

            progress.StatusDescription = "Running Get-ExchangeServer on the first reachable server";
            progress.PercentComplete = 10;
            WriteProgress(progress);
            ExchangeCommandRunner runner = _runner = ExchangeCommandRunner.For(Store, document, Streams.Verbose);
            var command = new ExchangeCommand("Get-ExchangeServer");
            ExchangeRunResult result = RunAsync((streams, token) => runner.InvokeAsync(command, null, token));
            ExchangeCommandFailure.ThrowIfFailed(result, command, IdentityStore);
            CloseRunner();

            var discovered = result.Output
                .Select(o => new DiscoveredServer(Text(o, "Name") ?? "", Text(o, "Fqdn"), Text(o, "AdminDisplayVersion"), Text(o, "ServerRole")))
                .Where(d => d.Name.Length > 0)
                .ToList();
            WriteVerbose($"Exchange server '{result.Server}' reports {discovered.Count} server(s): {string.Join(", ", discovered.Select(d => $"{d.Name} ({d.AdminDisplayVersion}, {d.ServerRole})"))}.");

            progress.StatusDescription = "Updating the server list";
            progress.PercentComplete = 40;
            WriteProgress(progress);
            ServerSyncPlan plan = ServerSyncPlan.Create(settings.Servers, discovered);
            foreach (DiscoveredServer skipped in plan.Skipped) WriteVerbose($"Skipping '{skipped.Name}' ({skipped.ServerRole}): it does not host the remote PowerShell endpoint.");
            var confirmed = plan.Removed.Where(name => ShouldProcess(name, $"Remove Exchange server from '{IdentityStore}': Get-ExchangeServer no longer reports it")).ToList();
            bool addAndRecord = ShouldProcess(IdentityStore,
                $"Record Exchange versions{(plan.Added.Count > 0 ? " and add server(s) " + string.Join(", ", plan.Added.Select(a => a.Name)) + " after the existing priorities" : "")}");
            if (!addAndRecord && confirmed.Count == 0) return;

            Store.Update(IdentityStore, d => plan.Apply(ExchangeProviderGuard.Require(d), confirmed, addAndRecord), CancellationToken);
            if (addAndRecord) foreach (DiscoveredServer added in plan.Added) WriteVerbose($"Added Exchange server '{added.Name}'.");
            foreach (string removed in confirmed) WriteVerbose($"Removed Exchange server '{removed}'.");

            progress.StatusDescription = "Probing server status";
            progress.PercentComplete = 70;
            WriteProgress(progress);
            ConfigurationStore store = Store;
            IReadOnlyList<ExchangeServerInfo> servers = RunAsync((streams, token) => ExchangeServerStatusCheck.RunAsync(store, IdentityStore, new[] { "*" }, streams, token));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            foreach (ExchangeServerInfo server in servers) WriteObject(server);
        });
    }

    protected override void EndProcessing() => CloseRunner();

    protected override void StopProcessing()
    {
        base.StopProcessing();
        _runner?.Abandon();
    }

    private void CloseRunner()
    {
        _runner?.Dispose();
        _runner = null;
    }

    private static string? Text(PSObject o, string property) => o.Properties[property]?.Value?.ToString();
}
