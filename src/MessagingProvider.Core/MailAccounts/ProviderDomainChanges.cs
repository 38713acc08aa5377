using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// The provider-domains lookup of an identity store: which mail server serves which email domain.
/// A row always points at an existing mail server (Add checks it, Remove-MailServer refuses while
/// rows point at the server).
/// </summary>
public static class ProviderDomainChanges
{
    public static EmailProviderDomainEntry Add(MailSettings mail, string domain, string mailServer)
    {
        string name = DomainName.Require(domain, "Domain");
        MailServerEntry server = MailServerChanges.Find(mail, mailServer);
        if (TryFind(mail, name) is EmailProviderDomainEntry existing)
        {
            throw new MessagingProviderException(ErrorIds.EmailProviderDomainAlreadyExists, ErrorKind.AlreadyExists,
                $"The domain '{name}' is already mapped to the mail server '{existing.MailServer}'. Remove it with Remove-EmailProviderDomain first to map it elsewhere.", name);
        }

        var entry = new EmailProviderDomainEntry { Domain = name, MailServer = server.Name };
        mail.ProviderDomains.Add(entry);
        mail.ProviderDomains.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Domain, b.Domain));
        return entry;
    }

    public static EmailProviderDomainEntry Remove(MailSettings mail, string domain)
    {
        EmailProviderDomainEntry entry = Find(mail, domain);
        mail.ProviderDomains.Remove(entry);
        return entry;
    }

    public static EmailProviderDomainEntry Find(MailSettings mail, string domain) =>
        TryFind(mail, domain) ?? throw new MessagingProviderException(ErrorIds.EmailProviderDomainNotFound, ErrorKind.NotFound,
            $"The domain '{domain}' is not in this identity store's provider-domains lookup. Run Get-EmailProviderDomain to list it, or Add-EmailProviderDomain to add it.", domain);

    public static EmailProviderDomainEntry? TryFind(MailSettings mail, string? domain)
    {
        string wanted = (domain ?? "").Trim().TrimEnd('.');
        return mail.ProviderDomains.FirstOrDefault(d => string.Equals(d.Domain, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The row for the domain of <paramref name="emailAddress"/>, if any.</summary>
    public static EmailProviderDomainEntry? ForAddress(MailSettings mail, string emailAddress) =>
        TryFind(mail, DomainOf(emailAddress));

    public static string DomainOf(string emailAddress)
    {
        int at = emailAddress.LastIndexOf('@');
        return at < 0 ? "" : emailAddress.Substring(at + 1).Trim().TrimEnd('.');
    }

    public static IEnumerable<EmailProviderDomainEntry> UsingServer(MailSettings mail, string mailServer) =>
        mail.ProviderDomains.Where(d => string.Equals(d.MailServer, mailServer, StringComparison.OrdinalIgnoreCase));
}
