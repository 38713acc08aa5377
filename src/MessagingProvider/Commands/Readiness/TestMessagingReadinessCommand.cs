using System;
using System.Collections.Generic;
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
        foreach (string name in IdentityStore)
        {
            foreach (IdentityStoreDocument document in Matching(name)) Inspect(document);
        }
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

    private void Inspect(IdentityStoreDocument document)
    {
        if (_report.IdentityStores.Contains(document.Name)) return;
        var progress = new ProgressRecord(1, "Test-MessagingReadiness", $"Checking identity store '{document.Name}'");
        WriteProgress(progress);
        ReadinessContext context = RunAsync((sink, cancellationToken) => _inspector!.InspectAsync(document, sink.Verbose, cancellationToken));
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        _report.IdentityStores.Add(document.Name);
        _report.Findings.AddRange(context.Findings);
        _report.Skipped.AddRange(context.Skipped);
        foreach (ReadinessSkippedCheck skipped in context.Skipped) WriteWarning($"Skipped {skipped}");
        WriteVerbose($"Identity store '{document.Name}': {context.Findings.Count} finding(s), {context.Skipped.Count} check(s) skipped.");
        foreach (ReadinessFinding finding in context.Findings) WriteObject(finding);
    }

    private IEnumerable<IdentityStoreDocument> Matching(string name)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(name))
        {
            IdentityStoreDocument? found = null;
            TryRun(() => found = Store.Get(name));
            if (found is not null) yield return found;
            yield break;
        }

        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
        foreach (IdentityStoreDocument document in Store.List(e => WriteError(ErrorRecords.From(e))))
        {
            if (pattern.IsMatch(document.Name)) yield return document;
        }
    }
}
