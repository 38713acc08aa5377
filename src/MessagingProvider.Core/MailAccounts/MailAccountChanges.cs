using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;

namespace MessagingProvider.MailAccounts;

/// <summary>An identity store's mail accounts: one per email address, each on one mail server.</summary>
public static class MailAccountChanges
{
    /// <param name="mailServer">Null: the server the provider-domains lookup gives for the address's domain.</param>
    /// <param name="login">Only for servers whose login format is Manual.</param>
    public static MailAccountEntry Create(MailSettings mail, string emailAddress, string? mailServer, string? login, SecureString? password, SecretVault vault)
    {
        string address = EmailAddressSyntax.Require(emailAddress, "EmailAddress");
        if (TryFind(mail, address) is MailAccountEntry existing)
        {
            throw new MessagingProviderException(ErrorIds.MailAccountAlreadyExists, ErrorKind.AlreadyExists,
                $"The mail account '{existing.EmailAddress}' already exists on the mail server '{existing.MailServer}'. Remove it with Remove-MailAccount first to set it up again.", address);
        }

        MailServerEntry server = mailServer is null ? ServerFor(mail, address) : MailServerChanges.Find(mail, mailServer);
        var entry = new MailAccountEntry
        {
            EmailAddress = address,
            MailServer = server.Name,
            Login = DeriveLogin(server, address, login),
        };

        if (server.Authentication == MailAuthentication.Basic)
        {
            if (password is null || password.Length == 0)
            {
                throw new MessagingProviderException(ErrorIds.MailAccountPasswordRequired, ErrorKind.InvalidArgument,
                    $"The mail server '{server.Name}' uses Basic authentication, so the account '{address}' needs -Password.", address);
            }

            entry.Password = vault.Protect(password);
        }
        else if (password is not null)
        {
            throw new MessagingProviderException(ErrorIds.ParameterNotValidForMailServer, ErrorKind.InvalidArgument,
                $"The mail server '{server.Name}' uses OAuth 2.0 (its client ID and secret), so the account '{address}' takes no -Password. Leave it out.", address);
        }

        mail.Accounts.Add(entry);
        mail.Accounts.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.EmailAddress, b.EmailAddress));
        return entry;
    }

    public static MailAccountEntry Remove(MailSettings mail, string emailAddress)
    {
        MailAccountEntry entry = Find(mail, emailAddress);
        mail.Accounts.Remove(entry);
        return entry;
    }

    /// <summary>The login the server's login format gives for <paramref name="emailAddress"/>.</summary>
    public static string DeriveLogin(MailServerEntry server, string emailAddress, string? manualLogin)
    {
        if (server.LoginFormat == MailLoginFormat.Manual)
        {
            if (string.IsNullOrWhiteSpace(manualLogin))
            {
                throw new MessagingProviderException(ErrorIds.MailAccountLoginRequired, ErrorKind.InvalidArgument,
                    $"The mail server '{server.Name}' uses the Manual login format, so the account '{emailAddress}' needs -Login (the user name the server expects).", emailAddress);
            }

            return manualLogin!.Trim();
        }

        if (manualLogin is not null)
        {
            throw new MessagingProviderException(ErrorIds.MailAccountLoginNotAllowed, ErrorKind.InvalidArgument,
                $"The mail server '{server.Name}' derives logins from the address (login format {server.LoginFormat}), so -Login is not used. Leave it out, or set the server's login format to Manual with Set-MailServer.", emailAddress);
        }

        return server.LoginFormat == MailLoginFormat.MailboxName
            ? emailAddress.Substring(0, emailAddress.LastIndexOf('@'))
            : emailAddress;
    }

    public static MailAccountEntry Find(MailSettings mail, string emailAddress) =>
        TryFind(mail, emailAddress) ?? throw new MessagingProviderException(ErrorIds.MailAccountNotFound, ErrorKind.NotFound,
            $"There is no mail account '{emailAddress}' in this identity store. Run Get-MailAccount to list them, or New-MailAccount to add it.", emailAddress);

    public static MailAccountEntry? TryFind(MailSettings mail, string? emailAddress) =>
        mail.Accounts.FirstOrDefault(a => string.Equals(a.EmailAddress, emailAddress?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<MailAccountEntry> UsingServer(MailSettings mail, string mailServer) =>
        mail.Accounts.Where(a => string.Equals(a.MailServer, mailServer, StringComparison.OrdinalIgnoreCase));

    private static MailServerEntry ServerFor(MailSettings mail, string address)
    {
        EmailProviderDomainEntry? row = ProviderDomainChanges.ForAddress(mail, address);
        if (row is null)
        {
            string domain = ProviderDomainChanges.DomainOf(address);
            throw new MessagingProviderException(ErrorIds.MailServerNotDetermined, ErrorKind.InvalidArgument,
                $"No mail server is known for the domain '{domain}'. Give -MailServer, or map the domain once with Add-EmailProviderDomain -Domain {domain} -MailServer <name>.", address);
        }

        return MailServerChanges.Find(mail, row.MailServer);
    }
}
