using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

[Cmdlet(VerbsCommon.Get, "MessagingProvider")]
[OutputType(typeof(MessagingProviderInfo), typeof(ExchangeProviderInfo), typeof(Office365ProviderInfo), typeof(GoogleWorkspaceProviderInfo), typeof(OtherProviderInfo))]
public sealed class GetMessagingProviderCommand : MessagingProviderCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] IdentityStore { get; set; } = { "*" };

    protected override void ProcessRecord() => WriteMatchingStores(IdentityStore, MessagingProviderInfo.From);
}
