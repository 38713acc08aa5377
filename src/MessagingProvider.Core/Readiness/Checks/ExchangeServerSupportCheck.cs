using System;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange.Status;

namespace MessagingProvider.Readiness.Checks;

/// <summary>Exchange servers whose probed version (Sync-ExchangeServer) is out of support.</summary>
public static class ExchangeServerSupportCheck
{
    public static void Run(ReadinessContext context)
    {
        ExchangeSettings? exchange = context.Store.Messaging.Exchange;
        if (exchange is null) return;
        foreach (ExchangeServerEntry server in exchange.Servers)
        {
            ExchangeVersion? version = ExchangeVersionMap.FromAdminDisplayVersion(server.Version);
            DateTimeOffset? ended = version switch
            {
                ExchangeVersion.Exchange2013 => PlatformDates.Exchange2013EndOfSupport,
                ExchangeVersion.Exchange2016 or ExchangeVersion.Exchange2019 => PlatformDates.Exchange2016And2019EndOfSupport,
                _ => null,
            };
            if (ended is null) continue;
            string product = version!.Value.ToString().Replace("Exchange", "Exchange Server ");
            context.Add(context.ByDate(ended.Value), ReadinessCheck.ExchangeServerOutOfSupport, $"Exchange server {server.Name} ({server.Version})", ended,
                $"{product} is out of support since {ended.Value:d MMMM yyyy}: no security updates, and Microsoft 365 hybrid features may stop working with it.",
                version == ExchangeVersion.Exchange2013
                    ? "Migrate to Exchange Server Subscription Edition (through 2019) or to Exchange Online, then Sync-ExchangeServer to record the new version."
                    : "Upgrade in place to Exchange Server Subscription Edition (SE) or migrate to Exchange Online, then Sync-ExchangeServer to record the new version.");
        }
    }
}
