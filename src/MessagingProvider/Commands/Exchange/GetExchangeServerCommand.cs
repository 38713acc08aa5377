using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Lists an identity store's Exchange servers in priority order with their last known status.</summary>
[Cmdlet(VerbsCommon.Get, "ExchangeServer")]
[OutputType(typeof(ExchangeServerInfo))]
public sealed class GetExchangeServerCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(ExchangeServerCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Server { get; set; } = "*";

    protected override void ProcessRecord() => WriteFromStore(document =>
    {
        var pattern = new WildcardPattern(Server, WildcardOptions.IgnoreCase);
        var servers = Exchange.ExchangeProviderGuard.Require(document).Servers
            .OrderBy(s => s.Priority)
            .Where(s => pattern.IsMatch(s.Name))
            .ToList();
        if (servers.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Server))
        {
            Exchange.ExchangeServerChanges.Find(servers, Server);
        }

        return servers.Select(server => ExchangeServerInfo.From(document.Name, server));
    });
}
