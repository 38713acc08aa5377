using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Creates, changes and removes an identity store's mail servers. Every change is validated as a
/// whole; a failure throws before the document is written, so nothing stored changes.
/// </summary>
public static class MailServerChanges
{
    public const string GraphServiceAddress = "graph.microsoft.com";

    public static MailServerEntry Create(MailSettings mail, string name, MailServerDefinition definition, SecretVault vault)
    {
        string trimmed = RequireName(name);
        if (TryFind(mail, trimmed) is not null)
        {
            throw new MessagingProviderException(ErrorIds.MailServerAlreadyExists, ErrorKind.AlreadyExists,
                $"The mail server '{trimmed}' already exists. Use Set-MailServer to change it, or choose another name.", trimmed);
        }

        var entry = new MailServerEntry
        {
            Name = trimmed,
            ServiceType = definition.ServiceType ?? MailServiceType.ImapSmtp,
            ImapTls = MailTlsMode.Tls,
            SmtpTls = MailTlsMode.StartTls,
        };
        Apply(entry, definition, vault);
        mail.Servers.Add(entry);
        mail.Servers.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return entry;
    }

    public static MailServerEntry Update(MailSettings mail, string name, MailServerDefinition definition, SecretVault vault)
    {
        MailServerEntry entry = Find(mail, name);
        Apply(entry, definition, vault);
        return entry;
    }

    /// <summary>Refuses while accounts or provider domains use the server, and names them.</summary>
    public static MailServerEntry Remove(MailSettings mail, string name)
    {
        MailServerEntry entry = Find(mail, name);
        var accounts = MailAccountChanges.UsingServer(mail, entry.Name).Select(a => a.EmailAddress).ToList();
        var domains = ProviderDomainChanges.UsingServer(mail, entry.Name).Select(d => d.Domain).ToList();
        if (accounts.Count > 0 || domains.Count > 0)
        {
            var parts = new List<string>();
            if (accounts.Count > 0) parts.Add($"mail accounts {string.Join(", ", accounts)} (remove them with Remove-MailAccount)");
            if (domains.Count > 0) parts.Add($"provider domains {string.Join(", ", domains)} (remove them with Remove-EmailProviderDomain)");
            throw new MessagingProviderException(ErrorIds.MailServerInUse, ErrorKind.InvalidOperation,
                $"The mail server '{entry.Name}' is still used by {string.Join(" and ", parts)}. Remove those first, then remove the server.",
                entry.Name);
        }

        mail.Servers.Remove(entry);
        return entry;
    }

    public static MailServerEntry Find(MailSettings mail, string name) =>
        TryFind(mail, name) ?? throw new MessagingProviderException(ErrorIds.MailServerNotFound, ErrorKind.NotFound,
            $"There is no mail server named '{name}' in this identity store. Run Get-MailServer to list them, or New-MailServer to create it.", name);

    public static MailServerEntry? TryFind(MailSettings mail, string? name) =>
        mail.Servers.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string RequireName(string? name)
    {
        string trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 64 || trimmed.Any(char.IsControl) || trimmed.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0)
        {
            throw new MessagingProviderException(ErrorIds.InvalidMailServerName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid mail server name. Use 1 to 64 characters without wildcards or control characters, such as 'Contoso IMAP'.", name);
        }

        return trimmed;
    }

    private static void Apply(MailServerEntry entry, MailServerDefinition d, SecretVault vault)
    {
        if (d.ServiceType.HasValue) entry.ServiceType = d.ServiceType.Value;
        if (d.ServiceAddress is not null) entry.ServiceAddress = RequireServiceAddress(d.ServiceAddress);
        if (entry.ServiceAddress.Length == 0)
        {
            if (entry.ServiceType != MailServiceType.MicrosoftGraph) throw Incomplete(entry, "-ServiceAddress (the host name of the mail service, such as mail.contoso.com)");
            entry.ServiceAddress = GraphServiceAddress;
        }

        if (d.Receive.HasValue) entry.Receive = d.Receive.Value;
        if (d.Send.HasValue) entry.Send = d.Send.Value;
        if (!entry.Receive && !entry.Send)
        {
            throw new MessagingProviderException(ErrorIds.MailServerNeedsReceiveOrSend, ErrorKind.InvalidArgument,
                $"The mail server '{entry.Name}' must receive or send email, or both: give -Receive, -Send or both.", entry.Name);
        }

        if (d.LoginFormat.HasValue) entry.LoginFormat = d.LoginFormat.Value;
        ApplyAuthentication(entry, d, vault);
        ApplyProtocols(entry, d);
    }

    private static void ApplyAuthentication(MailServerEntry entry, MailServerDefinition d, SecretVault vault)
    {
        if (d.Authentication.HasValue) entry.Authentication = d.Authentication.Value;
        if (entry.Authentication == MailAuthentication.Basic)
        {
            if (d.ClientId is not null || d.ClientSecret is not null) throw NotValid(entry, "-ClientId and -ClientSecret", "-Authentication OAuth2");
            entry.ClientId = null;
            entry.ClientSecret = null;
            return;
        }

        if (d.ClientId is not null)
        {
            if (string.IsNullOrWhiteSpace(d.ClientId)) throw Incomplete(entry, "a non-empty -ClientId");
            entry.ClientId = d.ClientId.Trim();
        }

        if (entry.ClientId is null) throw Incomplete(entry, "-ClientId (the application (client) ID that the authorization server issued) for OAuth 2.0");
        if (d.ClientSecret is not null) entry.ClientSecret = vault.Protect(d.ClientSecret);
        if (entry.ClientSecret is null) throw Incomplete(entry, "-ClientSecret (the client secret that the authorization server issued) for OAuth 2.0");
    }

    private static void ApplyProtocols(MailServerEntry entry, MailServerDefinition d)
    {
        bool protocolGiven = d.ImapHost is not null || d.ImapPort.HasValue || d.ImapTls.HasValue ||
                             d.SmtpHost is not null || d.SmtpPort.HasValue || d.SmtpTls.HasValue;
        if (entry.ServiceType != MailServiceType.ImapSmtp)
        {
            if (protocolGiven) throw NotValid(entry, "-ImapHost, -ImapPort, -ImapTls, -SmtpHost, -SmtpPort and -SmtpTls", "-ServiceType ImapSmtp");
            entry.ImapHost = entry.SmtpHost = null;
            entry.ImapPort = entry.SmtpPort = 0;
            return;
        }

        if (d.ImapHost is not null) entry.ImapHost = DomainName.RequireServer(d.ImapHost);
        if (d.SmtpHost is not null) entry.SmtpHost = DomainName.RequireServer(d.SmtpHost);
        entry.ImapPort = NextPort(entry.ImapPort, entry.ImapTls, d.ImapPort, d.ImapTls, imap: true);
        entry.SmtpPort = NextPort(entry.SmtpPort, entry.SmtpTls, d.SmtpPort, d.SmtpTls, imap: false);
        if (d.ImapTls.HasValue) entry.ImapTls = d.ImapTls.Value;
        if (d.SmtpTls.HasValue) entry.SmtpTls = d.SmtpTls.Value;
    }

    /// <summary>
    /// A port that was the default for the old TLS mode follows a TLS mode change (993 becomes 143
    /// with StartTls); a port the administrator chose stays.
    /// </summary>
    private static int NextPort(int current, MailTlsMode currentTls, int? givenPort, MailTlsMode? givenTls, bool imap)
    {
        if (givenPort.HasValue) return givenPort.Value;
        MailTlsMode tls = givenTls ?? currentTls;
        if (current == 0 || current == DefaultPort(currentTls, imap)) return DefaultPort(tls, imap);
        return current;
    }

    public static int DefaultPort(MailTlsMode tls, bool imap) => (tls, imap) switch
    {
        (MailTlsMode.Tls, true) => 993,
        (_, true) => 143,
        (MailTlsMode.Tls, false) => 465,
        (MailTlsMode.StartTls, false) => 587,
        _ => 25,
    };

    private static string RequireServiceAddress(string address)
    {
        string trimmed = address.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return trimmed;
        }

        return DomainName.RequireServer(trimmed);
    }

    private static MessagingProviderException Incomplete(MailServerEntry entry, string what) =>
        new MessagingProviderException(ErrorIds.MailServerSettingsIncomplete, ErrorKind.InvalidArgument,
            $"The mail server '{entry.Name}' needs {what}.", entry.Name);

    private static MessagingProviderException NotValid(MailServerEntry entry, string parameters, string needs) =>
        new MessagingProviderException(ErrorIds.ParameterNotValidForMailServer, ErrorKind.InvalidArgument,
            $"{parameters} apply only with {needs}; the mail server '{entry.Name}' uses {entry.ServiceType} with {entry.Authentication} authentication. Leave them out, or change that setting in the same command.", entry.Name);
}
