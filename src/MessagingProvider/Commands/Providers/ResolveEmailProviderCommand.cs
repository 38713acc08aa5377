using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Tells which provider serves each email address: the identity store's provider-domains lookup
/// first, then the domain's MX records. Every address gets a result object; a DNS failure is
/// also a non-terminating error, so scripts can tell "unknown provider" from "could not ask".
/// </summary>
[Cmdlet(VerbsDiagnostic.Resolve, "EmailProvider")]
[OutputType(typeof(EmailProviderResolution))]
public sealed class ResolveEmailProviderCommand : MessagingProviderCmdlet
{
    private readonly Dictionary<string, IdentityStoreDocument> _stores = new Dictionary<string, IdentityStoreDocument>(StringComparer.OrdinalIgnoreCase);
    private EmailProviderResolver? _resolver;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string? IdentityStore { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DnsServer { get; set; }

    [Parameter]
    [ValidateRange(1, 60)]
    public int TimeoutSeconds { get; set; } = 5;

    protected override void BeginProcessing()
    {
        try
        {
            List<IPEndPoint> servers = (DnsServer ?? Array.Empty<string>()).Select(DnsServerAddress.Parse).ToList();
            _resolver = new EmailProviderResolver(servers, TimeSpan.FromSeconds(TimeoutSeconds));
            WriteVerbose($"DNS servers: {_resolver.DnsServers}; timeout {TimeoutSeconds} s.");
        }
        catch (MessagingProviderException e)
        {
            ThrowCoreError(e);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (string address in EmailAddress)
        {
            TryRun(() =>
            {
                WriteProgress(new ProgressRecord(1, "Resolve-EmailProvider", $"Resolving {address}"));
                MailSettings? mail = IdentityStore is null ? null : StoreDocument(IdentityStore).Mail;
                EmailProviderResolution result = RunAsync((_, token) => _resolver!.ResolveAsync(mail, address, token));
                WriteVerbose($"{result.EmailAddress}: {result.Provider}, decided by {result.DecidedBy} ({result.Rule}).");
                WriteObject(result);
                MessagingProviderException? failure = EmailProviderResolver.DnsFailure(result);
                if (failure is not null) WriteError(ErrorRecords.From(failure));
            });
        }
    }

    protected override void EndProcessing() =>
        WriteProgress(new ProgressRecord(1, "Resolve-EmailProvider", "Done") { RecordType = ProgressRecordType.Completed });

    private IdentityStoreDocument StoreDocument(string name)
    {
        if (!_stores.TryGetValue(name, out IdentityStoreDocument? document)) _stores[name] = document = Store.Get(name);
        return document;
    }
}
