using System.Security;

namespace MessagingProvider.Recipients;

public enum MailEnabledObjectKind
{
    Group,
    User,
    Contact,
}

/// <summary>Enable: mail-enable an existing directory object. New: create a new mail-enabled object.</summary>
public enum MailEnabledObjectMode
{
    Enable,
    New,
}

/// <summary>What a mailbox-enabled user gets: a mailbox (on premises, or in Office 365 for a Hybrid store) or a mail user with an external address.</summary>
public enum MailUserType
{
    Mailbox,
    MailUser,
}

/// <summary>One object to mail-enable or create, as the cmdlets collected it.</summary>
public sealed class MailEnabledObjectRequest
{
    public MailEnabledObjectKind Kind { get; set; }
    public MailEnabledObjectMode Mode { get; set; }

    /// <summary>The existing directory object (distinguished name, sAMAccountName, GUID…) for Enable; the new object's name for New.</summary>
    public string Identity { get; set; } = "";
    public string? Name { get; set; }
    public string? Alias { get; set; }
    public string? SamAccountName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? DisplayName { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? ExternalEmailAddress { get; set; }
    public string? OrganizationalUnit { get; set; }
    public MailUserType UserType { get; set; } = MailUserType.Mailbox;
    public SecureString? Password { get; set; }

    /// <summary>The primary address to give instead of alias@domain.</summary>
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks (-SkipAddressCheck).</summary>
    public bool SkipAddressCheck { get; set; }

    /// <summary>Groups: distribution or mail-enabled security group; null leaves it to the provider (Exchange: Distribution).</summary>
    public GroupType? GroupType { get; set; }

    /// <summary>Groups: the owners; null gives none (Exchange: the creating account).</summary>
    public string[]? ManagedBy { get; set; }

    /// <summary>Hides the new object from the address lists (Exchange: a Set- after the create, on the same server).</summary>
    public bool HiddenFromAddressListsEnabled { get; set; }
}
