using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of the cmdlets that reach an identity store's messaging provider. The provider (for
/// Exchange: its remote sessions; for the clouds: their HTTP clients) is created on first use and
/// kept for all pipeline input of the invocation; it is closed in EndProcessing, and on
/// StopProcessing so Ctrl+C ends promptly. Its warnings (Exchange Online's, and what the user must
/// do after a create) go to the warning stream. Every provider call runs through RunAsync.
/// </summary>
public abstract class MailEnabledObjectCmdlet : IdentityStoreCmdlet
{
    private readonly Dictionary<string, (IdentityStoreDocument Document, IMailEnabledObjectProvider Provider)> _providers =
        new Dictionary<string, (IdentityStoreDocument, IMailEnabledObjectProvider)>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The store's document, read once per invocation.</summary>
    protected IdentityStoreDocument Document(string identityStore) =>
        _providers.TryGetValue(identityStore, out var entry) ? entry.Document : Store.Get(identityStore);

    protected IMailEnabledObjectProvider ProviderFor(IdentityStoreDocument document)
    {
        lock (_providers)
        {
            if (_providers.TryGetValue(document.Name, out var entry)) return entry.Provider;
            IMailEnabledObjectProvider provider = MailEnabledObjectProviders.For(Store, document, Streams.Verbose, Streams.Warning);
            _providers[document.Name] = (document, provider);
            return provider;
        }
    }

    /// <summary>
    /// One pipeline record of a New- or Enable- cmdlet: the request from the shared parameter groups
    /// (the verb's: <see cref="NewObjectParameters"/> or <see cref="EnableObjectParameters"/>; a
    /// kind's, such as <see cref="ContactParameters"/>) and
    /// <paramref name="addOwn"/> (this cmdlet's own parameters), checked by <paramref name="checkOwn"/>
    /// before the store is read, then provisioned. A failed check skips the record.
    /// </summary>
    protected void Provision(MailEnabledObjectKind kind, Action<MailEnabledObjectRequest>? addOwn = null, Action? checkOwn = null)
    {
        BindSharedParameters();
        var groups = SharedParameters.OfType<IMailEnabledObjectParameters>().ToList();
        if (!TryRun(() =>
        {
            foreach (IMailEnabledObjectParameters group in groups) group.Check();
            checkOwn?.Invoke();
        }))
        {
            return;
        }

        var request = new MailEnabledObjectRequest { Kind = kind };
        foreach (IMailEnabledObjectParameters group in groups) group.AddTo(request);
        addOwn?.Invoke(request);
        Provision(request);
    }

    private PipelineProgress? _progress;

    /// <summary>Past 20 pipeline inputs, a progress record per input.</summary>
    private void NextInput(string item) => (_progress ??= new PipelineProgress(WriteProgress, MyInvocation.MyCommand.Name)).Next(item);

    /// <summary>One pipeline record of a Get- cmdlet: the objects the query finds.</summary>
    protected void Find(Func<MailEnabledObjectQuery> query)
    {
        TryRun(() =>
        {
            MailEnabledObjectQuery built = query();
            NextInput(built.Describe());
            IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
            IReadOnlyList<MailEnabledObjectInfo> found = RunAsync((streams, token) => provider.FindAsync(built, token));
            WriteVerbose($"{found.Count} mail-enabled {built.Kind.ToString().ToLowerInvariant()}(s) {built.Describe()} in identity store '{IdentityStore}'.");
            foreach (MailEnabledObjectInfo item in found) WriteObject(item);
        });
    }

    /// <summary>
    /// One pipeline record of a Remove- or Disable- cmdlet: the object is read, confirmed, and
    /// removed or disabled (<paramref name="disable"/>: the mail attributes go, the directory object
    /// stays); where the provider fails over, a server lost after the command is never followed by
    /// the command again unless a read shows it was not done.
    /// </summary>
    protected void Remove(MailEnabledObjectKind kind, string identity, bool disable)
    {
        NextInput(identity);
        TryRun(() =>
        {
            IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
            MailEnabledObjectRemoval? done = RunAsync((streams, token) => provider.RemoveAsync(kind, identity, disable, what => ShouldProcessFromWork(identity, what), token));
            if (done is null) return;
            WriteVerbose($"'{identity}': {done.Command} {(done.CompletedBeforeFailover ? "had been done by a server that dropped before answering; it was not sent again" : "done")}{(done.Server is null ? "" : " (server " + done.Server + ")")}.");
            WriteObject(done);
        });
    }

    /// <summary>
    /// One pipeline record of a Set- cmdlet: the object is read, the settings it already has are
    /// dropped, the rest confirmed and applied; with <paramref name="passThru"/> the object as read after.
    /// </summary>
    protected void Change(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, bool passThru)
    {
        NextInput(identity);
        TryRun(() =>
        {
            if (settings.Given().Count == 0) WriteWarning($"'{identity}': no setting was given, so nothing is changed.");
            IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
            MailEnabledObjectInfo? after = RunAsync((streams, token) => provider.ChangeAsync(kind, identity, settings, what => ShouldProcessFromWork(identity, what), token));
            if (after is null) return;
            WriteVerbose($"'{identity}': {string.Join(", ", settings.Given())} set{(after.Server is null ? "" : " (server " + after.Server + ")")}.");
            if (passThru) WriteObject(after);
        });
    }

    /// <summary>Checks everything locally (provider, create method, password, alias), then asks ShouldProcess, then provisions.</summary>
    protected void Provision(MailEnabledObjectRequest request)
    {
        NextInput(request.Identity);
        TryRun(() =>
        {
            IdentityStoreDocument document = Document(IdentityStore);
            string alias = MailEnabledObjectRules.Prepare(document, request, Streams);
            IMailEnabledObjectProvider provider = ProviderFor(document);
            if (!ShouldProcess(request.Identity, $"{provider.Describe(request)} with alias '{alias}'")) return;

            MailEnabledObjectResult result = RunAsync((streams, token) => provider.ProvisionAsync(request, alias, token));
            WriteVerbose($"'{request.Identity}': primary SMTP address {result.PrimarySmtpAddress}{(result.Server is null ? "" : " (server " + result.Server + ")")}.");
            WriteObject(result);
        });
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        CloseProviders(abandon: false);
    }

    protected override void StopProcessing()
    {
        base.StopProcessing();
        CloseProviders(abandon: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) CloseProviders(abandon: false);
        base.Dispose(disposing);
    }

    private void CloseProviders(bool abandon)
    {
        List<IMailEnabledObjectProvider> providers;
        lock (_providers)
        {
            providers = new List<IMailEnabledObjectProvider>();
            foreach (var entry in _providers.Values) providers.Add(entry.Provider);
            _providers.Clear();
        }

        foreach (IMailEnabledObjectProvider provider in providers)
        {
            if (abandon) provider.Abandon();
            else provider.Dispose();
        }
    }
}
