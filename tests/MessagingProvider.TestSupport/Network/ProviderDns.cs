namespace MessagingProvider.TestSupport;

/// <summary>
/// The DNS the Resolve-EmailProvider tests ask: a private dnsmasq serving the MX records of the
/// well-known providers (Office 365, Outlook.com, Google Workspace, Gmail, Yahoo, iCloud, Zoho,
/// Fastmail, Proton), a hybrid domain, a domain with unknown MX hosts, a domain without MX records
/// (nomx.test) and an NXDOMAIN zone (nx.test). Anything else is refused (nothing is forwarded).
/// </summary>
public static class ProviderDns
{
    public static readonly string[] Records =
    {
        "--mx-host=o365.test,o365-test.mail.protection.outlook.com,0",
        "--mx-host=m365dnssec.test,m365dnssec-test.o-v1.mx.microsoft,0",
        "--mx-host=outlookcom.test,hotmail-com.olc.protection.outlook.com,2",
        "--mx-host=workspace.test,aspmx.l.google.com,1",
        "--mx-host=workspace.test,alt1.aspmx.l.google.com,5",
        "--mx-host=workspace-new.test,smtp.google.com,1",
        "--mx-host=workspace-old.test,aspmx2.googlemail.com,10",
        "--mx-host=gmail.test,gmail-smtp-in.l.google.com,5",
        "--mx-host=yahoo.test,mta5.am0.yahoodns.net,1",
        "--mx-host=icloud.test,mx01.mail.icloud.com,10",
        "--mx-host=zoho.test,mx.zoho.eu,10",
        "--mx-host=fastmail.test,in1-smtp.messagingengine.com,10",
        "--mx-host=proton.test,mail.protonmail.ch,10",
        "--mx-host=hybrid.test,gateway.hybrid.test,5",
        "--mx-host=hybrid.test,hybrid-test.mail.protection.outlook.com,10",
        "--mx-host=fabrikam.test,mx1.fabrikam.test,10",
        "--mx-host=fabrikam.test,mx2.fabrikam.test,20",
        "--host-record=nomx.test,127.0.0.9",
        "--local=/nomx.test/",
        "--address=/nx.test/",
    };

    /// <summary>Starts a dnsmasq with <see cref="Records"/>; dispose it to stop it.</summary>
    public static DnsmasqServer Start() => new DnsmasqServer(Records);
}
