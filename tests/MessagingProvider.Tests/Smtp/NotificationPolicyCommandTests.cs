using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Smtp;

public sealed class NotificationPolicyCommandTests
{
    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void SetStoresOnlyTheGivenOptionsAndGetShowsThem()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        session.Run("Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners -NotifyManagers -PortalUrl https://portal.contoso.com/ -MembershipOnJoin -MembershipDaysBeforeLeave 2").ThrowIfErrors();
        session.Run("Set-NotificationPolicy -IdentityStore Contoso -NotifyManagers:$false -ManagedByOnAdd").ThrowIfErrors();
        PSObject policy = session.Run("Get-NotificationPolicy -IdentityStore Contoso").Single();

        Assert.Equal("MessagingProvider.Output.NotificationPolicyInfo", policy.TypeNames[0]);
        Assert.True((bool)Prop(policy, "NotifyGroupOwners")!);
        Assert.False((bool)Prop(policy, "NotifyManagers")!);
        Assert.Equal("https://portal.contoso.com/", Prop(policy, "PortalUrl"));
        Assert.True((bool)Prop(policy, "MembershipOnJoin")!);
        Assert.Equal(2, Prop(policy, "MembershipDaysBeforeLeave"));
        Assert.True((bool)Prop(policy, "ManagedByOnAdd")!);
    }

    [Fact]
    public void InvalidPortalUrlOrDaysAreRejectedAndNothingIsStored()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        var before = session.Snapshot();

        ErrorRecord url = session.Run("Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners -PortalUrl 'ftp://portal'").SingleError();
        ErrorRecord days = session.Run("Set-NotificationPolicy -IdentityStore Contoso -MembershipDaysBeforeLeave -3").SingleError();

        Assert.Equal("InvalidPortalUrl,MessagingProvider.Commands.SetNotificationPolicyCommand", url.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, url.CategoryInfo.Category);
        Assert.Equal("InvalidDays,MessagingProvider.Commands.SetNotificationPolicyCommand", days.FullyQualifiedErrorId);
        var after = session.Snapshot();
        foreach (var pair in before) Assert.Equal(pair.Value, after[pair.Key]);
    }

    [Fact]
    public void ManagedByOptionsAreFlaggedAsIgnoredWhenSameAsMembership()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        RunResult run = session.Run("Set-NotificationPolicy -IdentityStore Contoso -ManagedBySameAsMembership -ManagedByOnRemove");

        Assert.Contains(run.Warnings, w => w.Contains("ignored", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TemplatesShowBuiltInsAndRejectUnknownPlaceholders()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        var all = session.Run("Get-NotificationTemplate -IdentityStore Contoso").ThrowIfErrors().Output;
        ErrorRecord bad = session.Run("Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject '{Grop} changed'").SingleError();
        session.Run("Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject 'New member in {Object}'").ThrowIfErrors();
        PSObject custom = session.Run("Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded").Single();
        session.Run("Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Reset").ThrowIfErrors();
        PSObject reset = session.Run("Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded").Single();

        Assert.Equal(9, all.Count);
        Assert.All(all, t => Assert.False((bool)Prop(t, "IsCustom")!));
        Assert.Equal("NotificationTemplateInvalid,MessagingProvider.Commands.SetNotificationTemplateCommand", bad.FullyQualifiedErrorId);
        Assert.Contains("{Grop}", bad.Exception.Message);
        Assert.True((bool)Prop(custom, "IsCustom")!);
        Assert.Equal("New member in {Object}", Prop(custom, "Subject"));
        Assert.Contains("{PortalUrl}", (string)Prop(custom, "Body")!);
        Assert.False((bool)Prop(reset, "IsCustom")!);
    }
}
