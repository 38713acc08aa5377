using MessagingProvider.Cloud;
using MessagingProvider.Configuration;

namespace MessagingProvider.Readiness.Checks;

/// <summary>Mail servers of type Exchange (EWS) whose service address is Exchange Online.</summary>
public static class EwsMailServerCheck
{
    public static void Run(ReadinessContext context)
    {
        foreach (MailServerEntry server in context.Store.Mail.Servers)
        {
            if (server.ServiceType != MailServiceType.Exchange || ExchangeOnlineHosts.EwsCloudOf(server.ServiceAddress) is not { } cloud) continue;
            ReadinessSeverity severity = context.Now >= PlatformDates.EwsSwitchOffStarts ? ReadinessSeverity.Critical : context.ByDate(PlatformDates.EwsSwitchOffStarts);
            context.Add(severity, ReadinessCheck.EwsToExchangeOnline, $"Mail server '{server.Name}' (Exchange, {server.ServiceAddress})", PlatformDates.EwsRetired,
                $"EWS in Exchange Online ({cloud}) is switched off tenant by tenant since 1 October 2026 unless the tenant is allow-listed, and is gone on 1 April 2027; reading and sending mail through this mail server then fails.",
                $"Add a mail server of type MicrosoftGraph (New-MailServer -Name <name> -ServiceType MicrosoftGraph -Authentication OAuth2 -ClientId <app> -ClientSecret <secret>) with the app permissions Mail.Read/Mail.Send, move the mail accounts to it, then Remove-MailServer -Name '{server.Name}'.");
        }
    }
}
