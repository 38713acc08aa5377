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
    protected void Output(StandInRecipient r)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, "Microsoft.Exchange.Data.Directory.Management." + r.RecipientTypeDetails);
        o.Properties.Add(new PSNoteProperty("Name", r.Name));
        o.Properties.Add(new PSNoteProperty("Identity", r.Key));
        o.Properties.Add(new PSNoteProperty("Alias", r.Alias));
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
    protected void EnableRecipient(string command, string identity, string? alias, string type, string? external = null)
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
            PrimarySmtpAddress = a + "@" + StandInState.Domain, CreatedBy = StandInState.Server,
        };
        r.EmailAddresses.Add("SMTP:" + r.PrimarySmtpAddress);
        StandInState.Save(r, command);
        Output(r);
    }

    /// <summary>Creates a new directory object and mail-enables it.</summary>
    protected void NewRecipient(string command, string name, string? alias, string type, string? external = null, string? first = null, string? last = null, bool password = false)
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
            FirstName = first, LastName = last, PasswordSet = password,
            PrimarySmtpAddress = a + "@" + StandInState.Domain, CreatedBy = StandInState.Server,
        };
        r.EmailAddresses.Add("SMTP:" + r.PrimarySmtpAddress);
        StandInState.Save(r, command);
        Output(r);
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
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";

    protected override void ProcessRecord()
    {
        StandInRecipient? r = StandInState.Find(Identity);
        if (r is null) Fail($"The operation couldn't be performed because object '{Identity}' couldn't be found on '{StandInState.Server}'.", ErrorCategory.ObjectNotFound, Identity);
        else Output(r);
    }
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
    protected override void ProcessRecord() => EnableRecipient("Enable-DistributionGroup", Identity, Alias, "MailUniversalDistributionGroup");
}

[Cmdlet(VerbsLifecycle.Enable, "Mailbox")]
public sealed class EnableMailboxCommand : EnableCommandBase
{
    protected override void ProcessRecord() => EnableRecipient("Enable-Mailbox", Identity, Alias, "UserMailbox");
}

[Cmdlet(VerbsLifecycle.Enable, "RemoteMailbox")]
public sealed class EnableRemoteMailboxCommand : EnableCommandBase
{
    [Parameter] public string? RemoteRoutingAddress { get; set; }
    protected override void ProcessRecord() => EnableRecipient("Enable-RemoteMailbox", Identity, Alias, "RemoteUserMailbox", RemoteRoutingAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "MailUser")]
public sealed class EnableMailUserCommand : EnableCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    protected override void ProcessRecord() => EnableRecipient("Enable-MailUser", Identity, Alias, "MailUser", ExternalEmailAddress);
}

[Cmdlet(VerbsLifecycle.Enable, "MailContact")]
public sealed class EnableMailContactCommand : EnableCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    protected override void ProcessRecord() => EnableRecipient("Enable-MailContact", Identity, Alias, "MailContact", ExternalEmailAddress);
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
    protected override void ProcessRecord() => NewRecipient("New-DistributionGroup", Name, Alias, "MailUniversalDistributionGroup");
}

[Cmdlet(VerbsCommon.New, "Mailbox")]
public sealed class NewMailboxCommand : NewCommandBase
{
    [Parameter] public string? FirstName { get; set; }
    [Parameter] public string? LastName { get; set; }
    [Parameter] public string? UserPrincipalName { get; set; }
    [Parameter] public string? SamAccountName { get; set; }
    [Parameter] public SecureString? Password { get; set; }
    protected override void ProcessRecord() => NewRecipient("New-Mailbox", Name, Alias, "UserMailbox", null, FirstName, LastName, Password is { Length: > 0 });
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
    protected override void ProcessRecord() => NewRecipient("New-RemoteMailbox", Name, Alias, "RemoteUserMailbox", RemoteRoutingAddress, FirstName, LastName, Password is { Length: > 0 });
}

[Cmdlet(VerbsCommon.New, "MailContact")]
public sealed class NewMailContactCommand : NewCommandBase
{
    [Parameter(Mandatory = true)] public string ExternalEmailAddress { get; set; } = "";
    [Parameter] public string? FirstName { get; set; }
    [Parameter] public string? LastName { get; set; }
    protected override void ProcessRecord() => NewRecipient("New-MailContact", Name, Alias, "MailContact", ExternalEmailAddress, FirstName, LastName);
}

public abstract class SetCommandBase : StandInCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Identity { get; set; } = "";
    [Parameter] public string[]? EmailAddresses { get; set; }
    [Parameter] public bool EmailAddressPolicyEnabled { get; set; } = true;
    protected abstract string CommandName { get; }
    protected override void ProcessRecord() => SetAddresses(CommandName, Identity, EmailAddresses);
}

[Cmdlet(VerbsCommon.Set, "DistributionGroup")] public sealed class SetDistributionGroupCommand : SetCommandBase { protected override string CommandName => "Set-DistributionGroup"; }
[Cmdlet(VerbsCommon.Set, "Mailbox")] public sealed class SetMailboxCommand : SetCommandBase { protected override string CommandName => "Set-Mailbox"; }
[Cmdlet(VerbsCommon.Set, "RemoteMailbox")] public sealed class SetRemoteMailboxCommand : SetCommandBase { protected override string CommandName => "Set-RemoteMailbox"; }
[Cmdlet(VerbsCommon.Set, "MailUser")] public sealed class SetMailUserCommand : SetCommandBase { protected override string CommandName => "Set-MailUser"; }
[Cmdlet(VerbsCommon.Set, "MailContact")] public sealed class SetMailContactCommand : SetCommandBase { protected override string CommandName => "Set-MailContact"; }
