using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>The reads of the mail-enabled object life cycle, the same on premises and in Exchange Online.</summary>
public static class ExchangeRecipientQueries
{
    /// <summary>The RecipientTypeDetails each kind covers.</summary>
    public static string[] RecipientTypes(MailEnabledObjectKind kind) => kind switch
    {
        MailEnabledObjectKind.Group => new[] { "MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailNonUniversalGroup" },
        MailEnabledObjectKind.User => new[] { "UserMailbox", "RemoteUserMailbox", "MailUser" },
        _ => new[] { "MailContact" },
    };

    /// <summary>Get-Recipient for a query: -Identity, or an OPATH -Filter on the address or the name; -ResultSize as Exchange takes it.</summary>
    public static ExchangeCommand Find(MailEnabledObjectQuery query)
    {
        var command = new ExchangeCommand("Get-Recipient").With("Identity", query.Identity).With("RecipientTypeDetails", RecipientTypes(query.Kind));
        if (query.EmailAddress is not null) command.With("Filter", AddressFilter(query.EmailAddress));
        else if (query.Name is not null) command.With("Filter", $"Name -like '{Quote(query.Name)}'");
        if (query.Identity is null) command.With("ResultSize", query.ResultSize is int size ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Unlimited");
        return command;
    }

    /// <summary>Get-Recipient of one kind by identity: what removals read first and check after a failover.</summary>
    public static ExchangeCommand Read(MailEnabledObjectKind kind, string identity) =>
        new ExchangeCommand("Get-Recipient").With("Identity", identity).With("RecipientTypeDetails", RecipientTypes(kind));

    public static ExchangeCommand AcceptedDomains() => new ExchangeCommand("Get-AcceptedDomain");

    /// <summary>Whoever holds the address as primary or proxy address (Exchange's own way: EmailAddresses holds every proxy).</summary>
    public static ExchangeCommand Holder(string address) =>
        new ExchangeCommand("Get-Recipient").With("Filter", AddressFilter(address)).With("ResultSize", "1");

    public static string AddressFilter(string address) => $"EmailAddresses -eq 'smtp:{Quote(address.Trim())}'";

    /// <summary>OPATH strings are in single quotes; a quote inside is doubled.</summary>
    public static string Quote(string value) => value.Replace("'", "''");

    public static MailEnabledObjectInfo Info(PSObject recipient, MailEnabledObjectKind kind, string identityStore, Configuration.MessagingProviderType provider, string server) =>
        new MailEnabledObjectInfo
        {
            IdentityStore = identityStore,
            Identity = Text(recipient, "Identity") ?? Text(recipient, "Name") ?? "",
            Kind = kind.ToString(),
            Name = Text(recipient, "Name") ?? "",
            DisplayName = Text(recipient, "DisplayName"),
            Alias = Text(recipient, "Alias"),
            PrimarySmtpAddress = Text(recipient, "PrimarySmtpAddress") ?? "",
            EmailAddresses = Strings(recipient, "EmailAddresses").ToArray(),
            RecipientTypeDetails = Text(recipient, "RecipientTypeDetails"),
            ManagedBy = Strings(recipient, "ManagedBy").ToArray(),
            HiddenFromAddressListsEnabled = Flag(recipient, "HiddenFromAddressListsEnabled"),
            Provider = provider,
            Server = server,
        };

    public static string? Text(PSObject? o, string property) => o?.Properties[property]?.Value?.ToString();

    private static bool? Flag(PSObject o, string property)
    {
        object? value = o.Properties[property]?.Value;
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out bool parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A deserialized multi-valued property (ProxyAddressCollection comes back as a list of strings or of objects whose text is the address).</summary>
    public static IEnumerable<string> Strings(PSObject o, string property)
    {
        object? value = o.Properties[property]?.Value;
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        if (value is null) yield break;
        if (value is string single)
        {
            yield return single;
            yield break;
        }

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                if (item is not null) yield return item.ToString()!;
            }
        }
    }
}
