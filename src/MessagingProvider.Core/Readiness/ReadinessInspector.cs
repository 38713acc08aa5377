using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Readiness.Checks;
using MessagingProvider.Security;

namespace MessagingProvider.Readiness;

/// <summary>
/// Runs every readiness check over one identity store. The checks that need no network always
/// run; the app registration check reads Microsoft Graph unless offline, and says when it could not.
/// </summary>
public sealed class ReadinessInspector
{
    private readonly SecretVault _vault;
    private readonly AppCredentialExpiryCheck _appCredentials;

    public ReadinessInspector(SecretVault vault, AppCredentialExpiryCheck? appCredentials = null)
    {
        _vault = vault;
        _appCredentials = appCredentials ?? new AppCredentialExpiryCheck();
    }

    public int ExpiringWithinDays { get; set; } = 30;

    public bool Offline { get; set; }

    /// <summary>The moment findings are measured against (now, unless a test or a report for a later date says otherwise).</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Checks each identity store that <paramref name="names"/> (names or wildcards) match, once per
    /// <paramref name="report"/>, adds it to the report and hands it to <paramref name="inspected"/>.
    /// A wildcard that matches nothing is silent; an exact name that does not exist goes to
    /// <paramref name="writeError"/> and the other names are still checked, as with Get-Item.
    /// </summary>
    public async Task InspectMatchingAsync(ConfigurationStore store, IEnumerable<string> names, ReadinessReport report,
        Action<ReadinessContext> inspected, Action<MessagingProviderException> writeError, IOperationSink sink, CancellationToken cancellationToken)
    {
        foreach (string name in names)
        {
            foreach (IdentityStoreDocument document in Matching(store, name, writeError))
            {
                if (report.IdentityStores.Contains(document.Name)) continue;
                var progress = new OperationProgress(1, "Test-MessagingReadiness", $"Checking identity store '{document.Name}'");
                sink.Progress(progress);
                ReadinessContext context = await InspectAsync(document, sink.Verbose, cancellationToken).ConfigureAwait(false);
                sink.Progress(new OperationProgress(progress.Id, progress.Activity, progress.Status) { Completed = true });
                report.IdentityStores.Add(document.Name);
                report.Findings.AddRange(context.Findings);
                report.Skipped.AddRange(context.Skipped);
                inspected(context);
            }
        }
    }

    private static IReadOnlyList<IdentityStoreDocument> Matching(ConfigurationStore store, string name, Action<MessagingProviderException> writeError)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(name))
        {
            try
            {
                return new[] { store.Get(name) };
            }
            catch (MessagingProviderException e)
            {
                writeError(e);
                return Array.Empty<IdentityStoreDocument>();
            }
        }

        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
        return store.List(writeError).Where(d => pattern.IsMatch(d.Name)).ToList();
    }

    public async Task<ReadinessContext> InspectAsync(IdentityStoreDocument store, Action<string>? verbose, CancellationToken cancellationToken)
    {
        var context = new ReadinessContext(store, _vault, Now, ExpiringWithinDays, Offline);
        SmtpSignInCheck.Run(context);
        EwsMailServerCheck.Run(context);
        ExchangeServerSupportCheck.Run(context);
        StoredCredentialExpiryCheck.Run(context);
        await _appCredentials.RunAsync(context, verbose, cancellationToken).ConfigureAwait(false);
        GoogleKeyFileCheck.Run(context);
        EntraSmtpSignInCheck.Run(context);
        SovereignHostCheck.Run(context);
        var ordered = context.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.DueDate ?? DateTimeOffset.MaxValue).ToList();
        context.Findings.Clear();
        context.Findings.AddRange(ordered);
        return context;
    }
}
