using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
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
