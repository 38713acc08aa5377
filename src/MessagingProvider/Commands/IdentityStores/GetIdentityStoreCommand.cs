using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

[Cmdlet(VerbsCommon.Get, "IdentityStore")]
[OutputType(typeof(IdentityStoreInfo))]
public sealed class GetIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    protected override void ProcessRecord() => WriteMatchingStores(Name, d => IdentityStoreInfo.From(d, Store.PathOf(d.Name)));
}
