using MessagingProvider.Configuration;
using MessagingProvider.Notifications;

namespace MessagingProvider.Core.Tests.Notifications;

public sealed class RecipientResolverTests
{
    private static DirectoryObject User(string name, string? mail = null) => new DirectoryObject { Name = name, Mail = mail, Kind = DirectoryObjectKind.User };

    private static DirectoryObject Group(string name, params DirectoryObject[] members)
    {
        var group = new DirectoryObject { Name = name, Kind = DirectoryObjectKind.Group };
        group.Members.AddRange(members);
        return group;
    }

    [Fact]
    public void FixedRecipientsAreShownAndRoleBasedOnesAreBlindAndDeDuplicated()
    {
        var settings = new NotificationSettings { To = { "audit@contoso.com" }, Cc = { "boss@contoso.com", "AUDIT@contoso.com" } };
        settings.Policy.NotifyModifiedObject = true;
        settings.Policy.NotifyGroupOwners = true;
        DirectoryObject group = Group("Sales", User("Ann", "ann@contoso.com"), User("NoMail"));
        group.Owners.Add(User("Ann again", "ANN@contoso.com"));
        group.Owners.Add(User("Owner", "owner@contoso.com"));

        var resolved = RecipientResolver.Resolve(new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = group }, settings);

        Assert.Equal(new[] { "audit@contoso.com" }, resolved.To);
        Assert.Equal(new[] { "boss@contoso.com" }, resolved.Cc);
        Assert.Equal(new[] { "ann@contoso.com", "owner@contoso.com" }, resolved.Bcc);
        Assert.Equal(new[] { "NoMail (member of Sales): no mail address" }, resolved.Skipped);
    }

    [Fact]
    public void ChangedByIsNotifiedOnlyWhenItIsAUserWithMail()
    {
        var settings = new NotificationSettings();
        settings.Policy.NotifyChangedBy = true;

        var byUser = RecipientResolver.Resolve(new NotificationRequest { Target = User("x"), ChangedBy = User("Admin", "admin@contoso.com") }, settings);
        var byGroup = RecipientResolver.Resolve(new NotificationRequest { Target = User("x"), ChangedBy = new DirectoryObject { Name = "G", Mail = "g@contoso.com", Kind = DirectoryObjectKind.Group } }, settings);

        Assert.Equal(new[] { "admin@contoso.com" }, byUser.Bcc);
        Assert.True(byGroup.IsEmpty);
    }

    [Fact]
    public void ManagersAreNotifiedAboutTheirDirectReports()
    {
        var settings = new NotificationSettings();
        settings.Policy.NotifyManagers = true;
        DirectoryObject user = User("Report", "report@contoso.com");
        user.Manager = User("Manager", "manager@contoso.com");

        var resolved = RecipientResolver.Resolve(new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = user }, settings);

        Assert.Equal(new[] { "manager@contoso.com" }, resolved.Bcc);
    }

    [Fact]
    public void ManagedByLifeCycleFollowsMembershipWhenSameAsMembership()
    {
        var settings = new NotificationSettings();
        settings.Policy.ManagedByOnAdd = true;
        var request = new NotificationRequest { Event = NotificationEvent.AdditionalOwnerAdded, Target = Group("G") };
        request.Members.Add(User("Temp", "temp@contoso.com"));
        request.Target.Owners.Add(User("Primary", "primary@contoso.com"));

        var own = RecipientResolver.Resolve(request, settings);
        settings.Policy.ManagedBySameAsMembership = true;
        var same = RecipientResolver.Resolve(request, settings);

        Assert.Equal(new[] { "temp@contoso.com", "primary@contoso.com" }, own.Bcc);
        Assert.NotNull(same.Suppressed);
    }

    [Fact]
    public void DueNotificationIsDueExactlyNDaysBefore()
    {
        var policy = new NotificationPolicy { MembershipDaysBeforeLeave = 2 };
        var today = new System.DateTime(2026, 3, 10);

        Assert.Equal(2, DueNotificationCalculator.DaysLeftIfDue(policy, false, today.AddDays(2).AddHours(13), today));
        Assert.Null(DueNotificationCalculator.DaysLeftIfDue(policy, false, today.AddDays(3), today));
        Assert.Null(DueNotificationCalculator.DaysLeftIfDue(policy, true, today.AddDays(2), today));
    }
}
