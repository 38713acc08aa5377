namespace MessagingProvider.Readiness;

/// <summary>A check that did not run for a store, and why (offline, the network failed, no readable secret).</summary>
public sealed class ReadinessSkippedCheck
{
    public ReadinessSkippedCheck(string identityStore, ReadinessCheck check, string reason)
    {
        IdentityStore = identityStore;
        Check = check;
        Reason = reason;
    }

    public string IdentityStore { get; }
    public ReadinessCheck Check { get; }
    public string Reason { get; }

    public override string ToString() => $"{Check} for '{IdentityStore}': {Reason}";
}
