using System;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>Which Exchange cmdlet, with which parameters, does what a request asks.</summary>
public static class ExchangeRecipientCommands
{
    public static ExchangeCommand For(MailEnabledObjectRequest request, string alias, ExchangeSettings settings) =>
        Command(request, alias, settings).With("PrimarySmtpAddress", request.PrimarySmtpAddress);

    private static ExchangeCommand Command(MailEnabledObjectRequest request, string alias, ExchangeSettings settings)
    {
        bool hybrid = settings.Deployment == ExchangeDeployment.Hybrid;
        switch (request.Kind)
        {
            case MailEnabledObjectKind.Group when request.Mode == MailEnabledObjectMode.Enable:
                RefuseTypeOnEnable(request);
                return new ExchangeCommand("Enable-DistributionGroup").With("Identity", request.Identity).With("Alias", alias);
            case MailEnabledObjectKind.Group:
                return new ExchangeCommand("New-DistributionGroup").With("Name", request.Identity).With("Alias", alias)
                    .With("SamAccountName", request.SamAccountName).With("DisplayName", request.DisplayName).With("OrganizationalUnit", request.OrganizationalUnit)
                    .With("Type", request.GroupType?.ToString()).With("ManagedBy", request.ManagedBy);
            case MailEnabledObjectKind.Contact when request.Mode == MailEnabledObjectMode.Enable:
                return new ExchangeCommand("Enable-MailContact").With("Identity", request.Identity).With("Alias", alias)
                    .With("ExternalEmailAddress", request.ExternalEmailAddress);
            case MailEnabledObjectKind.Contact:
                return new ExchangeCommand("New-MailContact").With("Name", request.Identity).With("Alias", alias)
                    .With("ExternalEmailAddress", request.ExternalEmailAddress).With("FirstName", request.GivenName).With("LastName", request.Surname)
                    .With("DisplayName", request.DisplayName).With("OrganizationalUnit", request.OrganizationalUnit);
            case MailEnabledObjectKind.User when request.UserType == MailUserType.MailUser:
                return new ExchangeCommand("Enable-MailUser").With("Identity", request.Identity).With("Alias", alias)
                    .With("ExternalEmailAddress", request.ExternalEmailAddress);
            case MailEnabledObjectKind.User when request.Mode == MailEnabledObjectMode.Enable:
                return new ExchangeCommand(hybrid ? "Enable-RemoteMailbox" : "Enable-Mailbox").With("Identity", request.Identity).With("Alias", alias);
            default:
                return new ExchangeCommand(hybrid ? "New-RemoteMailbox" : "New-Mailbox").With("Name", request.Identity).With("Alias", alias)
                    .With("FirstName", request.GivenName).With("LastName", request.Surname).With("DisplayName", request.DisplayName)
                    .With("SamAccountName", request.SamAccountName).With("UserPrincipalName", request.UserPrincipalName)
                    .With("OrganizationalUnit", request.OrganizationalUnit).With("Password", request.Password);
        }
    }

    /// <summary>
    /// Enable-DistributionGroup has no -Type: a directory security group becomes a mail-enabled
    /// security group, a distribution group a distribution group.
    /// </summary>
    private static void RefuseTypeOnEnable(MailEnabledObjectRequest request)
    {
        if (request.GroupType is null) return;
        throw new MessagingProviderException(ErrorIds.GroupTypeNotSupported, ErrorKind.NotSupported,
            $"-Type {request.GroupType} cannot be given when mail-enabling '{request.Identity}': Enable-DistributionGroup keeps the type of the Active Directory group (a security group becomes a mail-enabled security group). Change the group's type in Active Directory, or leave -Type out. Nothing was sent.",
            request.Identity);
    }

    /// <summary>Run on the next server before repeating a create that may have completed on a server that dropped.</summary>
    public static ExchangeCommand ExistenceCheck(string identity) => new ExchangeCommand("Get-Recipient").With("Identity", identity);

    /// <summary>The Set- cmdlet of the recipient's type with its new EmailAddresses collection.</summary>
    public static ExchangeCommand SetEmailAddresses(string? recipientTypeDetails, string identity, string[] emailAddresses) =>
        new ExchangeCommand(SetCommandFor(recipientTypeDetails, identity)).With("Identity", identity).With("EmailAddresses", emailAddresses);

    /// <summary>The Set- cmdlet that takes -EmailAddresses for a recipient type (Get-Recipient's RecipientTypeDetails).</summary>
    public static string SetCommandFor(string? recipientTypeDetails, string identity)
    {
        string type = recipientTypeDetails ?? "";
        if (type.StartsWith("Remote", StringComparison.OrdinalIgnoreCase)) return "Set-RemoteMailbox";
        if (type.EndsWith("Mailbox", StringComparison.OrdinalIgnoreCase)) return "Set-Mailbox";
        if (type.Equals("MailUser", StringComparison.OrdinalIgnoreCase)) return "Set-MailUser";
        if (type.Equals("MailContact", StringComparison.OrdinalIgnoreCase)) return "Set-MailContact";
        if (type.Equals("DynamicDistributionGroup", StringComparison.OrdinalIgnoreCase)) return "Set-DynamicDistributionGroup";
        if (type.IndexOf("Group", StringComparison.OrdinalIgnoreCase) >= 0) return "Set-DistributionGroup";
        throw new MessagingProviderException(ErrorIds.ExchangeCommandFailed, ErrorKind.NotSupported,
            $"'{identity}' is a {(type.Length == 0 ? "recipient of unknown type" : type)}; its email addresses cannot be set by this module.", identity);
    }
}
