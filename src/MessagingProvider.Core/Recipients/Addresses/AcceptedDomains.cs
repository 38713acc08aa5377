using System;
using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.Recipients.Addresses;

/// <summary>Whether a domain is among accepted domains, the way Exchange matches them.</summary>
public static class AcceptedDomains
{
    /// <summary>"contoso.com" accepts only contoso.com; "*.contoso.com" (an accepted domain that includes subdomains) accepts contoso.com and every subdomain.</summary>
    public static bool Accepts(IEnumerable<string> acceptedDomains, string domain)
    {
        string wanted = domain.Trim().TrimEnd('.');
        return acceptedDomains.Any(accepted =>
        {
            string a = accepted.Trim().TrimEnd('.');
            if (a.StartsWith("*.", StringComparison.Ordinal))
            {
                string parent = a.Substring(2);
                return wanted.Equals(parent, StringComparison.OrdinalIgnoreCase) || wanted.EndsWith("." + parent, StringComparison.OrdinalIgnoreCase);
            }

            return wanted.Equals(a, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>The part after the last @, or "" for text without one.</summary>
    public static string DomainOf(string address)
    {
        int at = address.LastIndexOf('@');
        return at < 0 ? "" : address.Substring(at + 1);
    }
}
