using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Readiness;

namespace MessagingProvider.MailAccounts;

/// <summary>The warning for an Exchange (EWS) mail server pointed at Exchange Online, whose EWS is being retired.</summary>
public static class EwsRetirement
{
    public static string? Warning(MailServerEntry server) =>
        server.ServiceType == MailServiceType.Exchange && ExchangeOnlineHosts.EwsCloudOf(server.ServiceAddress) is { } cloud
            ? $"'{server.Name}' uses EWS against Exchange Online ({cloud}, {server.ServiceAddress}). Microsoft switches EWS in Exchange Online off tenant by tenant since {PlatformDates.EwsSwitchOffStarts:d MMMM yyyy} unless the tenant is allow-listed, and removes it on {PlatformDates.EwsRetired:d MMMM yyyy}. Use a Microsoft Graph mail server instead: New-MailServer -Name <name> -ServiceType MicrosoftGraph -Authentication OAuth2 -ClientId <app> -ClientSecret <secret> (app permissions Mail.Read and Mail.Send)."
            : null;
}
