using System;
using System.Collections.Generic;
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
/// do after a create) go to WriteWarning.
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
            IMailEnabledObjectProvider provider = MailEnabledObjectProviders.For(Store, document, WriteVerbose, WriteWarning);
            _providers[document.Name] = (document, provider);
            return provider;
        }
    }

    private PipelineProgress? _provisionProgress;

    /// <summary>Checks everything locally (provider, password, alias), then asks ShouldProcess, then provisions.</summary>
    protected void Provision(MailEnabledObjectRequest request)
    {
        (_provisionProgress ??= new PipelineProgress(WriteProgress, MyInvocation.MyCommand.Name)).Next(request.Identity);
        TryRun(() =>
        {
            IdentityStoreDocument document = Document(IdentityStore);
            MailEnabledObjectRules.RequireProvider(document);
            if (document.Messaging.Provider == MessagingProviderType.Exchange && request.Kind == MailEnabledObjectKind.User &&
                request.Mode == MailEnabledObjectMode.New && document.Messaging.Exchange?.CreateMethod == ExchangeCreateMethod.Enable)
            {
                // The store's create method: the user already exists in the directory and is mail-enabled.
                WriteVerbose($"Identity store '{document.Name}' uses the create method Enable: '{request.Identity}' is mail-enabled, not created by Exchange.");
                request.Mode = MailEnabledObjectMode.Enable;
            }

            MailEnabledObjectRules.RequirePasswordAllowed(document, request);
            string alias = MailEnabledObjectRules.ResolveAlias(document, request);
            request.Alias = alias;
            IMailEnabledObjectProvider provider = ProviderFor(document);
            if (!ShouldProcess(request.Identity, $"{provider.Describe(request)} with alias '{alias}'")) return;

            MailEnabledObjectResult result = provider.Provision(request, alias, CancellationToken);
            WriteVerbose($"'{request.Identity}': primary SMTP address {result.PrimarySmtpAddress}{(result.Server is null ? "" : " (server " + result.Server + ")")}.");
            WriteObject(result);
        });
    }

    protected override void EndProcessing()
    {
        _provisionProgress?.Complete();
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
