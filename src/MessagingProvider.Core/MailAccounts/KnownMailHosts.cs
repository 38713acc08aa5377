using System;
using System.Collections.Generic;
using MessagingProvider.Output;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// MX host names of the large hosted mail services, from each provider's own setup documents.
/// A pattern is an exact host or "*." + a suffix. Order matters: the first match wins, so the
/// consumer Gmail host comes before the catch-all Google patterns.
/// </summary>
public static class KnownMailHosts
{
    public static IReadOnlyList<(string Pattern, EmailProvider Provider)> Rules { get; } = new[]
    {
        ("*.mail.protection.outlook.com", EmailProvider.Office365), // Microsoft 365 tenants: <tenant>.mail.protection.outlook.com
        ("*.mx.microsoft", EmailProvider.Office365),                 // Microsoft 365 DNSSEC-enabled MX (<tenant>.<region>.mx.microsoft)
        ("*.olc.protection.outlook.com", EmailProvider.OutlookCom), // Outlook.com / Hotmail consumer mailboxes
        ("gmail-smtp-in.l.google.com", EmailProvider.Gmail),
        ("*.gmail-smtp-in.l.google.com", EmailProvider.Gmail),
        ("aspmx.l.google.com", EmailProvider.GoogleWorkspace),
        ("smtp.google.com", EmailProvider.GoogleWorkspace),         // the single MX Google gives Workspace domains since 2023
        ("*.googlemail.com", EmailProvider.GoogleWorkspace),        // aspmx2.googlemail.com, aspmx3.googlemail.com
        ("*.google.com", EmailProvider.GoogleWorkspace),            // alt1.aspmx.l.google.com and friends
        ("*.yahoodns.net", EmailProvider.Yahoo),
        ("*.mail.icloud.com", EmailProvider.ICloud),
        ("*.zoho.com", EmailProvider.Zoho),
        ("*.zoho.eu", EmailProvider.Zoho),
        ("*.zoho.in", EmailProvider.Zoho),
        ("*.zoho.com.au", EmailProvider.Zoho),
        ("*.messagingengine.com", EmailProvider.Fastmail),
        ("*.protonmail.ch", EmailProvider.Proton),
    };

    public static bool TryMatch(string host, out string pattern, out EmailProvider provider)
    {
        string name = host.Trim().TrimEnd('.');
        foreach ((string p, EmailProvider v) in Rules)
        {
            bool match = p.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(p.Substring(1), StringComparison.OrdinalIgnoreCase) && name.Length > p.Length - 1
                : string.Equals(name, p, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                pattern = p;
                provider = v;
                return true;
            }
        }

        pattern = "";
        provider = EmailProvider.Unknown;
        return false;
    }
}
