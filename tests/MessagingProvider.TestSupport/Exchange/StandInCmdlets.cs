using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json;

namespace MessagingProvider.TestSupport;

/// <summary>What every stand-in cmdlet shares: output shaped like Exchange's recipients, errors like Exchange's.</summary>
public abstract class StandInCmdlet : PSCmdlet
{
    protected override void BeginProcessing() => StandInInvocations.Record(MyInvocation.MyCommand.Name, MyInvocation.BoundParameters);

    protected void Output(StandInRecipient r)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, "Microsoft.Exchange.Data.Directory.Management." + r.RecipientTypeDetails);
        o.Properties.Add(new PSNoteProperty("Name", r.Name));
        o.Properties.Add(new PSNoteProperty("Identity", r.Key));
        o.Properties.Add(new PSNoteProperty("Alias", r.Alias));
        o.Properties.Add(new PSNoteProperty("DisplayName", r.DisplayName ?? r.Name));
        o.Properties.Add(new PSNoteProperty("DistinguishedName", "CN=" + r.Name + ",OU=Mail,DC=" + StandInState.Domain.Replace(".", ",DC=")));
        o.Properties.Add(new PSNoteProperty("ManagedBy", r.ManagedBy.ToArray()));
        o.Properties.Add(new PSNoteProperty("HiddenFromAddressListsEnabled", r.HiddenFromAddressListsEnabled));
        o.Properties.Add(new PSNoteProperty("RequireSenderAuthenticationEnabled", r.RequireSenderAuthenticationEnabled));
        if (r.RecipientTypeDetails.EndsWith("Group", StringComparison.Ordinal))
        {
            o.Properties.Add(new PSNoteProperty("MemberJoinRestriction", r.MemberJoinRestriction));
            o.Properties.Add(new PSNoteProperty("MemberDepartRestriction", r.MemberDepartRestriction));
        }

        o.Properties.Add(new PSNoteProperty("RecipientTypeDetails", r.RecipientTypeDetails));
        o.Properties.Add(new PSNoteProperty("PrimarySmtpAddress", r.PrimarySmtpAddress));
        o.Properties.Add(new PSNoteProperty("EmailAddresses", r.EmailAddresses.ToArray()));
        o.Properties.Add(new PSNoteProperty("ExternalEmailAddress", r.ExternalEmailAddress));
        o.Properties.Add(new PSNoteProperty("OriginatingServer", StandInState.Server));
        WriteObject(o);
    }

    protected void Fail(string message, ErrorCategory category, object target) =>
        WriteError(new ErrorRecord(new InvalidOperationException(message), "StandIn" + category, category, target));

    /// <summary>Mail-enables an existing directory object (any identity is taken to exist in AD).</summary>
    protected void EnableRecipient(string command, string identity, string? alias, string type, string? external = null, string? primary = null)
    {
        StandInRecipient? existing = StandInState.Find(identity);
        if (existing is not null)
        {
            Fail($"The object '{identity}' is already mail-enabled.", ErrorCategory.InvalidOperation, identity);
            return;
        }

        string a = alias ?? identity;
        var r = new StandInRecipient
        {
            Key = identity, Name = identity, Alias = a, RecipientTypeDetails = type, ExternalEmailAddress = external,
            PrimarySmtpAddress = primary ?? a + "@" + StandInState.Domain, CreatedBy = StandInState.Server,
        };
        if (ProxyInUse(r.PrimarySmtpAddress, identity)) return;
        r.EmailAddresses.Add("SMTP:" + r.PrimarySmtpAddress);
        StandInState.Save(r, command);
        Output(r);
    }

    /// <summary>Creates a new directory object and mail-enables it.</summary>
    protected void NewRecipient(string command, string name, string? alias, string type, string? external = null, string? first = null, string? last = null, bool password = false, string? primary = null, string? displayName = null, Action<StandInRecipient>? more = null)
    {
        if (StandInState.Find(name) is not null || (alias is not null && StandInState.Find(alias) is not null))
        {
            Fail($"The name '{name}' is already being used. Please try another name.", ErrorCategory.ResourceExists, name);
            return;
        }

        string a = alias ?? name;
        var r = new StandInRecipient
        {
            Key = name, Name = name, Alias = a, RecipientTypeDetails = type, ExternalEmailAddress = external,
            FirstName = first, LastName = last, PasswordSet = password, DisplayName = displayName,
            PrimarySmtpAddress = primary ?? a + "@" + StandInState.Domain, CreatedBy = StandInState.Server,
        };
        if (ProxyInUse(r.PrimarySmtpAddress, name)) return;
        r.EmailAddresses.Add("SMTP:" + r.PrimarySmtpAddress);
        more?.Invoke(r);
        StandInState.Save(r, command);
        Output(r);
    }

    /// <summary>Exchange's own refusal of an address another recipient has.</summary>
    private bool ProxyInUse(string address, object target)
    {
        if (StandInState.All().Any(x => x.EmailAddresses.Any(e => string.Equals(e.Substring(e.IndexOf(':') + 1), address, StringComparison.OrdinalIgnoreCase))))
        {
            Fail($"The proxy address \"SMTP:{address}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.", ErrorCategory.ResourceExists, target);
            return true;
        }

        return false;
    }

    /// <summary>Remove-* and Disable-*: the recipient of that identity and type goes (the stand-in keeps no non-mail directory objects).</summary>
    protected void RemoveRecipient(string command, string identity, Func<string, bool> typeFits)
    {
        StandInRecipient? r = StandInState.Find(identity);
        if (r is null || !typeFits(r.RecipientTypeDetails))
        {
            Fail($"The operation couldn't be performed because object '{identity}' couldn't be found on '{StandInState.Server}'.", ErrorCategory.ObjectNotFound, identity);
            return;
        }

        StandInState.Delete(r.Key, command);
    }

    /// <summary>Set-* of the other settings (display name, owners, flags, restrictions).</summary>
    protected void SetSettings(string command, string identity, Action<StandInRecipient> change)
    {
        StandInRecipient? r = StandInState.Find(identity);
        if (r is null)
        {
            Fail($"The operation couldn't be performed because object '{identity}' couldn't be found on '{StandInState.Server}'.", ErrorCategory.ObjectNotFound, identity);
            return;
        }

        change(r);
        StandInState.Save(r, command);
    }

    /// <summary>Set-* -EmailAddresses: replaces the collection; the one uppercase SMTP: entry becomes the primary address.</summary>
    protected void SetAddresses(string command, string identity, string[]? addresses)
    {
        StandInRecipient? r = StandInState.Find(identity);
        if (r is null)
        {
            Fail($"The operation couldn't be performed because object '{identity}' couldn't be found on '{StandInState.Server}'.", ErrorCategory.ObjectNotFound, identity);
            return;
        }

        if (addresses is null) return;
        var primaries = addresses.Where(a => a.StartsWith("SMTP:", StringComparison.Ordinal)).ToList();
        if (primaries.Count != 1)
        {
            Fail($"The EmailAddresses collection must contain exactly one primary SMTP address; it has {primaries.Count}.", ErrorCategory.InvalidArgument, identity);
            return;
        }

        r.EmailAddresses = addresses.ToList();
        r.PrimarySmtpAddress = primaries[0].Substring(5);
        StandInState.Save(r, command);
    }
}

[Cmdlet(VerbsCommon.Get, "ExchangeServer")]
public sealed class GetExchangeServerCommand : StandInCmdlet
{
    protected override void ProcessRecord()
    {
        if (!File.Exists(StandInState.ServersFile)) return;
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(StandInState.ServersFile));
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            var o = new PSObject();
            o.TypeNames.Insert(0, "Microsoft.Exchange.Data.Directory.Management.ExchangeServer");
            foreach (JsonProperty p in e.EnumerateObject()) o.Properties.Add(new PSNoteProperty(p.Name, p.Value.GetString()));
            WriteObject(o);
        }
    }
}

[Cmdlet(VerbsCommon.Get, "Recipient")]
public sealed class GetRecipientCommand : StandInCmdlet
{
    [Parameter(Position = 0)] public string? Identity { get; set; }
    [Parameter] public string? Filter { get; set; }
    [Parameter] public string[]? RecipientTypeDetails { get; set; }

    /// <summary>A number or Unlimited, as Exchange takes it.</summary>
    [Parameter] public string? ResultSize { get; set; }

    protected override void ProcessRecord()
    {
        if (Filter is not null) StandInState.Read("Get-Recipient", Filter);
        Func<StandInRecipient, bool> typeFits = r => RecipientTypeDetails is null || RecipientTypeDetails.Contains(r.RecipientTypeDetails, StringComparer.OrdinalIgnoreCase);
        if (Identity is not null)
        {
            StandInRecipient? r = StandInState.Find(Identity);
            if (r is null || !typeFits(r)) Fail($"The operation couldn't be performed because object '{Identity}' couldn't be found on '{StandInState.Server}'.", ErrorCategory.ObjectNotFound, Identity);
            else if (Filter is null || StandInFilter.Matches(Filter, r)) Output(r);
            return;
        }

        int limit = ResultSize is null ? 1000 : string.Equals(ResultSize, "Unlimited", StringComparison.OrdinalIgnoreCase) ? int.MaxValue : int.Parse(ResultSize, System.Globalization.CultureInfo.InvariantCulture);
        foreach (StandInRecipient r in StandInState.All().Where(typeFits).Where(r => Filter is null || StandInFilter.Matches(Filter, r)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Take(limit)) Output(r);
    }
}

[Cmdlet(VerbsCommon.Get, "AcceptedDomain")]
public sealed class GetAcceptedDomainCommand : StandInCmdlet
{
    protected override void ProcessRecord()
    {
        StandInState.Read("Get-AcceptedDomain", "");
        IReadOnlyList<string> domains = StandInState.AcceptedDomains();
        foreach (string domain in domains)
        {
            var o = new PSObject();
            o.TypeNames.Insert(0, "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain");
            o.Properties.Add(new PSNoteProperty("Name", domain));
            o.Properties.Add(new PSNoteProperty("DomainName", domain));
            o.Properties.Add(new PSNoteProperty("DomainType", "Authoritative"));
            o.Properties.Add(new PSNoteProperty("Default", domain == domains[0]));
            WriteObject(o);
        }
    }
}

/// <summary>The two OPATH filters the module sends: EmailAddresses -eq 'smtp:…' and Name -like '…'.</summary>
public static class StandInFilter
{
    private static readonly System.Text.RegularExpressions.Regex Shape =
        new System.Text.RegularExpressions.Regex(@"^\s*(\w+)\s+-(eq|like)\s+'((?:[^']|'')*)'\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public static bool Matches(string filter, StandInRecipient r)
    {
        var m = Shape.Match(filter);
        if (!m.Success) throw new ArgumentException($"Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"Invalid filter syntax: {filter}\"");
        string property = m.Groups[1].Value;
        string value = m.Groups[3].Value.Replace("''", "'");
        if (property.Equals("EmailAddresses", StringComparison.OrdinalIgnoreCase))
        {
            string bare = value.Substring(value.IndexOf(':') + 1);
            return r.EmailAddresses.Any(a => string.Equals(a.Substring(a.IndexOf(':') + 1), bare, StringComparison.OrdinalIgnoreCase));
        }

        if (property.Equals("Name", StringComparison.OrdinalIgnoreCase)) return new WildcardPattern(value, WildcardOptions.IgnoreCase).IsMatch(r.Name);
        throw new ArgumentException($"The stand-in does not filter on {property}.");
    }
}

[Cmdlet(VerbsCommon.Remove, "DistributionGroup", SupportsShouldProcess = true)]
public sealed class RemoveDistributionGroupCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Remove-DistributionGroup", Identity, t => t.EndsWith("Group", StringComparison.Ordinal));
}

[Cmdlet(VerbsLifecycle.Disable, "DistributionGroup", SupportsShouldProcess = true)]
public sealed class DisableDistributionGroupCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Disable-DistributionGroup", Identity, t => t.EndsWith("Group", StringComparison.Ordinal));
}

[Cmdlet(VerbsCommon.Remove, "MailContact", SupportsShouldProcess = true)]
public sealed class RemoveMailContactCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Remove-MailContact", Identity, t => t == "MailContact");
}

[Cmdlet(VerbsLifecycle.Disable, "MailContact", SupportsShouldProcess = true)]
public sealed class DisableMailContactCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Disable-MailContact", Identity, t => t == "MailContact");
}

[Cmdlet(VerbsCommon.Remove, "MailUser", SupportsShouldProcess = true)]
public sealed class RemoveMailUserCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Remove-MailUser", Identity, t => t == "MailUser");
}

[Cmdlet(VerbsLifecycle.Disable, "MailUser", SupportsShouldProcess = true)]
public sealed class DisableMailUserCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Disable-MailUser", Identity, t => t == "MailUser");
}

[Cmdlet(VerbsCommon.Remove, "Mailbox", SupportsShouldProcess = true)]
public sealed class RemoveMailboxCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Remove-Mailbox", Identity, t => t == "UserMailbox");
}

[Cmdlet(VerbsLifecycle.Disable, "Mailbox", SupportsShouldProcess = true)]
public sealed class DisableMailboxCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Disable-Mailbox", Identity, t => t == "UserMailbox");
}

[Cmdlet(VerbsCommon.Remove, "RemoteMailbox", SupportsShouldProcess = true)]
public sealed class RemoveRemoteMailboxCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Remove-RemoteMailbox", Identity, t => t == "RemoteUserMailbox");
}

[Cmdlet(VerbsLifecycle.Disable, "RemoteMailbox", SupportsShouldProcess = true)]
public sealed class DisableRemoteMailboxCommand : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    protected override void ProcessRecord() => RemoveRecipient("Disable-RemoteMailbox", Identity, t => t == "RemoteUserMailbox");
}

public abstract class EnableCommandBase : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    [Parameter] public string? Alias { get; set; }
    [Parameter] public string? PrimarySmtpAddress { get; set; }
    [Parameter] public string? DomainController { get; set; }
}

[Cmdlet(VerbsLifecycle.Enable, "DistributionGroup")]
public sealed class EnableDistributionGroupCommand : EnableCommandBase
{
    protected override void ProcessRecord() => EnableRecipient("Enable-DistributionGroup", Identity, Alias, "MailUniversalDistributionGroup", null, PrimarySmtpAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "Mailbox")]
public sealed class EnableMailboxCommand : EnableCommandBase
{
    protected override void ProcessRecord() => EnableRecipient("Enable-Mailbox", Identity, Alias, "UserMailbox", null, PrimarySmtpAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "RemoteMailbox")]
public sealed class EnableRemoteMailboxCommand : EnableCommandBase
{
    [Parameter] public string? RemoteRoutingAddress { get; set; }
    protected override void ProcessRecord() => EnableRecipient("Enable-RemoteMailbox", Identity, Alias, "RemoteUserMailbox", RemoteRoutingAddress, PrimarySmtpAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "MailUser")]
public sealed class EnableMailUserCommand : EnableCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    protected override void ProcessRecord() => EnableRecipient("Enable-MailUser", Identity, Alias, "MailUser", ExternalEmailAddress, PrimarySmtpAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "MailContact")]
public sealed class EnableMailContactCommand : EnableCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    protected override void ProcessRecord() => EnableRecipient("Enable-MailContact", Identity, Alias, "MailContact", ExternalEmailAddress, PrimarySmtpAddress);
}

public abstract class NewCommandBase : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Name { get; set; } = "";
    [Parameter] public string? Alias { get; set; }
    [Parameter] public string? DisplayName { get; set; }
    [Parameter] public string? OrganizationalUnit { get; set; }
    [Parameter] public string? PrimarySmtpAddress { get; set; }
}

[Cmdlet(VerbsCommon.New, "DistributionGroup")]
public sealed class NewDistributionGroupCommand : NewCommandBase
{
    [Parameter] public string? SamAccountName { get; set; }
    [Parameter] [ValidateSet("Distribution", "Security")] public string? Type { get; set; }
    [Parameter] public string[]? ManagedBy { get; set; }

    protected override void ProcessRecord() => NewRecipient("New-DistributionGroup", Name, Alias, Type == "Security" ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup",
        primary: PrimarySmtpAddress, displayName: DisplayName, more: r => r.ManagedBy = ManagedBy?.ToList() ?? r.ManagedBy);
}

[Cmdlet(VerbsCommon.New, "Mailbox")]
public sealed class NewMailboxCommand : NewCommandBase
{
    [Parameter] public string? FirstName { get; set; }
    [Parameter] public string? LastName { get; set; }
    [Parameter] public string? UserPrincipalName { get; set; }
    [Parameter] public string? SamAccountName { get; set; }
    [Parameter] public SecureString? Password { get; set; }
    protected override void ProcessRecord() => NewRecipient("New-Mailbox", Name, Alias, "UserMailbox", null, FirstName, LastName, Password is { Length: > 0 }, PrimarySmtpAddress, DisplayName);
}

[Cmdlet(VerbsCommon.New, "RemoteMailbox")]
public sealed class NewRemoteMailboxCommand : NewCommandBase
{
    [Parameter] public string? FirstName { get; set; }
    [Parameter] public string? LastName { get; set; }
    [Parameter] public string? UserPrincipalName { get; set; }
    [Parameter] public string? SamAccountName { get; set; }
    [Parameter] public SecureString? Password { get; set; }
    [Parameter] public string? RemoteRoutingAddress { get; set; }
    protected override void ProcessRecord() => NewRecipient("New-RemoteMailbox", Name, Alias, "RemoteUserMailbox", RemoteRoutingAddress, FirstName, LastName, Password is { Length: > 0 }, PrimarySmtpAddress, DisplayName);
}

[Cmdlet(VerbsCommon.New, "MailContact")]
public sealed class NewMailContactCommand : NewCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    [Parameter] public string? FirstName { get; set; }
    [Parameter] public string? LastName { get; set; }
    protected override void ProcessRecord() => NewRecipient("New-MailContact", Name, Alias, "MailContact", ExternalEmailAddress, FirstName, LastName, primary: PrimarySmtpAddress, displayName: DisplayName);
}

public abstract class SetCommandBase : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    [Parameter] public string[]? EmailAddresses { get; set; }
    [Parameter] public bool EmailAddressPolicyEnabled { get; set; } = true;
    [Parameter] public string? DisplayName { get; set; }
    [Parameter] public string[]? ManagedBy { get; set; }
    [Parameter] public bool? HiddenFromAddressListsEnabled { get; set; }
    [Parameter] public bool? RequireSenderAuthenticationEnabled { get; set; }
    [Parameter] [ValidateSet("Open", "Closed", "ApprovalRequired")] public string? MemberJoinRestriction { get; set; }
    [Parameter] [ValidateSet("Open", "Closed", "ApprovalRequired")] public string? MemberDepartRestriction { get; set; }
    protected abstract string CommandName { get; }

    protected override void ProcessRecord()
    {
        if (EmailAddresses is not null)
        {
            SetAddresses(CommandName, Identity, EmailAddresses);
            return;
        }

        SetSettings(CommandName, Identity, r =>
        {
            if (DisplayName is not null) r.DisplayName = DisplayName;
            if (ManagedBy is not null) r.ManagedBy = ManagedBy.ToList();
            if (HiddenFromAddressListsEnabled is bool hidden) r.HiddenFromAddressListsEnabled = hidden;
            if (RequireSenderAuthenticationEnabled is bool auth) r.RequireSenderAuthenticationEnabled = auth;
            if (MemberJoinRestriction is not null) r.MemberJoinRestriction = MemberJoinRestriction;
            if (MemberDepartRestriction is not null) r.MemberDepartRestriction = MemberDepartRestriction;
        });
    }
}

[Cmdlet(VerbsCommon.Set, "DistributionGroup")] public sealed class SetDistributionGroupCommand : SetCommandBase { protected override string CommandName => "Set-DistributionGroup"; }
[Cmdlet(VerbsCommon.Set, "Mailbox")] public sealed class SetMailboxCommand : SetCommandBase { protected override string CommandName => "Set-Mailbox"; }
[Cmdlet(VerbsCommon.Set, "RemoteMailbox")] public sealed class SetRemoteMailboxCommand : SetCommandBase { protected override string CommandName => "Set-RemoteMailbox"; }
[Cmdlet(VerbsCommon.Set, "MailUser")] public sealed class SetMailUserCommand : SetCommandBase { protected override string CommandName => "Set-MailUser"; }
[Cmdlet(VerbsCommon.Set, "MailContact")] public sealed class SetMailContactCommand : SetCommandBase { protected override string CommandName => "Set-MailContact"; }
