using System;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Readiness;

namespace MessagingProvider.Commands;

/// <summary>
/// Lists, per identity store, what the 2026–2027 platform changes and coming expiries will break,
/// with the date that matters and the fix; -Path also writes a self-contained HTML report.
/// Derives from the root cmdlet rather than IdentityStoreCmdlet because it checks every store
/// (wildcards, default *), as a weekly job wants.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MessagingReadiness", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ReadinessFinding))]
public sealed class TestMessagingReadinessCommand : MessagingProviderCmdlet
{
    private readonly ReadinessReport _report = new ReadinessReport();
    private ReadinessInspector? _inspector;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] IdentityStore { get; set; } = { "*" };

    [Parameter]
    [ValidateRange(0, 3650)]
    public int ExpiringWithinDays { get; set; } = 30;

    [Parameter]
    public SwitchParameter Offline { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void BeginProcessing()
    {
        _inspector = new ReadinessInspector(Store.Secrets) { ExpiringWithinDays = ExpiringWithinDays, Offline = Offline.IsPresent };
        _report.Generated = _inspector.Now;
        _report.ExpiringWithinDays = ExpiringWithinDays;
        _report.Offline = Offline.IsPresent;
    }

    protected override void ProcessRecord()
    {
        ConfigurationStore store = Store;
        string[] names = IdentityStore;
        RunAsync((streams, token) => _inspector!.InspectMatchingAsync(store, names, _report, context => Write(context, streams),
            e => WriteErrorFromWork(ErrorRecords.From(e)), streams, token));
    }

    protected override void EndProcessing()
    {
        if (Path is null) return;
        string path = ResolveFilePath(Path);
        if (!ShouldProcess(path, "Write the readiness report")) return;
        TryRun(() =>
        {
            ReadinessReportFile.Write(path, ReadinessHtmlReport.Render(_report));
            WriteVerbose($"Readiness report of {_report.IdentityStores.Count} identity store(s) with {_report.Findings.Count} finding(s) written to {path}.");
        });
    }

    private void Write(ReadinessContext context, IOperationSink streams)
    {
        foreach (ReadinessSkippedCheck skipped in context.Skipped) streams.Warning($"Skipped {skipped}");
        streams.Verbose($"Identity store '{context.Store.Name}': {context.Findings.Count} finding(s), {context.Skipped.Count} check(s) skipped.");
        foreach (ReadinessFinding finding in context.Findings) WriteObjectFromWork(finding);
    }
}
