using MessagingProvider.Cloud;

namespace MessagingProvider.Readiness.Checks;

/// <summary>Sovereign-cloud hosts in use that no Microsoft page served to this module confirms.</summary>
public static class SovereignHostCheck
{
    public static void Run(ReadinessContext context)
    {
        string? smtp = context.Store.Smtp?.Server;
        if (ExchangeOnlineHosts.IsUnconfirmedSmtpHost(smtp)) Add(context, $"SMTP server {smtp}", "Set-SmtpServer -Server <host>");
        string? smartHost = context.Store.EntraSmtpClient?.SmartHost;
        if (ExchangeOnlineHosts.IsUnconfirmedSmtpHost(smartHost)) Add(context, $"Entra ID SMTP client smart host {smartHost}", "Set-EntraSmtpClient -SmartHost <host>");
    }

    private static void Add(ReadinessContext context, string subject, string replace) =>
        context.Add(ReadinessSeverity.Information, ReadinessCheck.UnconfirmedSovereignHost, subject, null,
            "This USGovDoD SMTP submission host is the one published client configurations use, but no Microsoft page confirms it; if it is wrong, notifications fail to connect.",
            $"Confirm the host with your tenant's Exchange Online settings (or run Test-SmtpServer against it); if it differs, {replace}.");
}
