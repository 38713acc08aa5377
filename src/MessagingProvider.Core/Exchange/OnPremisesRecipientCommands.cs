using System.Collections.Generic;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>Exchange 2013 to SE on premises (or Hybrid): Enable-/New-* of the directory object, address policy turned off when addresses are set.</summary>
public sealed class OnPremisesRecipientCommands : IRecipientCommandSet
{
    private readonly ExchangeSettings _settings;

    public OnPremisesRecipientCommands(ExchangeSettings settings) => _settings = settings;

    public MessagingProviderType Provider => MessagingProviderType.Exchange;

    public IReadOnlyCollection<string> ExcludedSmtpDomains => _settings.ExcludedSmtpDomains;

    public ExchangeCommand For(MailEnabledObjectRequest request, string alias) => ExchangeRecipientCommands.For(request, alias, _settings);

    // With the address policy on, Exchange would recompute the primary address and undo the export.
    public ExchangeCommand SetEmailAddresses(string? recipientTypeDetails, string identity, string[] emailAddresses) =>
        ExchangeRecipientCommands.SetEmailAddresses(recipientTypeDetails, identity, emailAddresses).With("EmailAddressPolicyEnabled", false);

    public string PlannedPrimary(MailEnabledObjectRequest request, string alias) => Recipients.Addresses.AddressChecker.Planned(request.PrimarySmtpAddress, alias, _settings.Domain);

    public ExchangeCommand Remove(MailEnabledObjectKind kind, string? recipientTypeDetails, string identity, bool disable) =>
        ExchangeRemovalCommands.For(kind, recipientTypeDetails, identity, disable);

    public string? NoticeAfter(MailEnabledObjectRequest request) => null;
}
