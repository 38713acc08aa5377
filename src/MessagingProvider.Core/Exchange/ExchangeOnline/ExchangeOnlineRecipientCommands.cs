using System;
using System.Collections.Generic;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;
using MessagingProvider.Recipients.Addresses;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// Exchange Online, where the on-premises Active Directory object does not exist: mail-enabling
/// it creates the cloud object of that name (New-DistributionGroup, New-MailContact,
/// New-MailUser) with its primary address in the store's Office 365 domain. Mailboxes are not
/// created here (see <see cref="For"/>).
/// </summary>
public sealed class ExchangeOnlineRecipientCommands : IRecipientCommandSet
{
    private readonly string _identityStore;
    private readonly Office365Settings _settings;

    public ExchangeOnlineRecipientCommands(string identityStore, Office365Settings settings)
    {
        _identityStore = identityStore;
        _settings = settings;
    }

    public MessagingProviderType Provider => MessagingProviderType.Office365;

    public IReadOnlyCollection<string> ExcludedSmtpDomains => Array.Empty<string>();

    public ExchangeCommand For(MailEnabledObjectRequest request, string alias)
    {
        CloudObjectRules.RefuseOrganizationalUnit(request, _identityStore, "Office 365", "Exchange Online has no organizational units (its objects live in Microsoft Entra ID)");

        string name = request.Mode == MailEnabledObjectMode.New ? request.Identity : request.Name ?? AliasGenerator.LeafName(request.Identity);
        string primary = PlannedPrimary(request, alias);
        switch (request.Kind)
        {
            case MailEnabledObjectKind.Group:
                return new ExchangeCommand("New-DistributionGroup").With("Name", name).With("Alias", alias)
                    .With("DisplayName", request.DisplayName).With("PrimarySmtpAddress", primary)
                    .With("Type", request.GroupType?.ToString()).With("ManagedBy", request.ManagedBy);
            case MailEnabledObjectKind.Contact:
                // A mail contact's primary address in Exchange Online is its external address.
                return new ExchangeCommand("New-MailContact").With("Name", name).With("Alias", alias)
                    .With("ExternalEmailAddress", request.ExternalEmailAddress).With("FirstName", request.GivenName).With("LastName", request.Surname)
                    .With("DisplayName", request.DisplayName);
            case MailEnabledObjectKind.User when request.UserType == MailUserType.MailUser:
                return new ExchangeCommand("New-MailUser").With("Name", name).With("Alias", alias)
                    .With("ExternalEmailAddress", request.ExternalEmailAddress).With("PrimarySmtpAddress", primary)
                    .With("FirstName", request.GivenName).With("LastName", request.Surname).With("DisplayName", request.DisplayName);
            default:
                throw new MessagingProviderException(ErrorIds.ExchangeOnlineMailboxNotSupported, ErrorKind.NotSupported,
                    $"'{request.Identity}' cannot get a mailbox through the Office 365 provider of identity store '{_identityStore}': Exchange Online has no Enable-Mailbox for an existing user (there it only enables archives), and New-Mailbox creates a new Microsoft 365 account with a password, which this module does not send to Exchange Online. " +
                    "For an Active Directory identity store, create or keep the user in Active Directory, let Microsoft Entra Connect synchronize it, and assign it an Exchange Online license: that creates the mailbox. Enable-MailEnabledUser -ExternalEmailAddress creates a mail user instead.",
                    request.Identity);
        }
    }

    // Exchange Online has no -EmailAddressPolicyEnabled (no email address policies for these recipients).
    public ExchangeCommand SetEmailAddresses(string? recipientTypeDetails, string identity, string[] emailAddresses) =>
        ExchangeRecipientCommands.SetEmailAddresses(recipientTypeDetails, identity, emailAddresses);

    public string PlannedPrimary(MailEnabledObjectRequest request, string alias) => AddressChecker.Planned(request.PrimarySmtpAddress, alias, _settings.Domain);

    public ExchangeCommand Remove(MailEnabledObjectKind kind, string? recipientTypeDetails, string identity, bool disable)
    {
        if (disable)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeOnlineDisableNotSupported, ErrorKind.NotSupported,
                $"'{identity}' cannot be disabled through the Office 365 provider of identity store '{_identityStore}': the objects this module creates in Exchange Online have no directory object to keep without their mail attributes. Remove it with Remove-MailEnabled{kind}, or, for an object Microsoft Entra Connect synchronizes, disable it in the on-premises Exchange.",
                identity);
        }

        string type = recipientTypeDetails ?? "";
        if (kind == MailEnabledObjectKind.User && type.EndsWith("Mailbox", StringComparison.OrdinalIgnoreCase))
        {
            throw new MessagingProviderException(ErrorIds.ExchangeOnlineMailboxNotSupported, ErrorKind.NotSupported,
                $"'{identity}' is a {type} in Exchange Online (identity store '{_identityStore}'): removing it would delete the Microsoft 365 account, which this module does not do. Remove the license or the account in the Microsoft 365 admin center.",
                identity);
        }

        return ExchangeRemovalCommands.For(kind, recipientTypeDetails, identity, disable);
    }

    public string? NoticeAfter(MailEnabledObjectRequest request) => request.Kind != MailEnabledObjectKind.Group ? null :
        $"The distribution group '{request.Identity}' was created in Office 365 (identity store '{_identityStore}') without members: the module does not populate the membership of groups in Office 365 for an (on-premises) Active Directory identity store. " +
        "Use Microsoft Entra Connect (or another directory synchronization tool) to replicate the membership from Active Directory to Office 365.";
}
