using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Notifications;

/// <summary>
/// Works out who receives a notification: the fixed To/Cc lists, the call's To/Cc, and the
/// role-based recipients the policy turns on (blind: see <see cref="ResolvedRecipients.Bcc"/>). Addresses are de-duplicated case-insensitively;
/// objects without mail are skipped (and reported); groups are expanded one level.
/// </summary>
public static class RecipientResolver
{
    public static ResolvedRecipients Resolve(NotificationRequest request, NotificationSettings settings)
    {
        NotificationPolicy policy = settings.Policy;
        var result = new ResolvedRecipients();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Suppressed(request, policy) is string why)
        {
            result.Suppressed = why;
            return result;
        }

        void To(string address)
        {
            if (seen.Add(address)) result.To.Add(address);
        }

        void Cc(string address)
        {
            if (seen.Add(address)) result.Cc.Add(address);
        }

        void Blind(string address)
        {
            if (seen.Add(address)) result.Bcc.Add(address);
        }

        void Notify(DirectoryObject? target, string role, bool expandGroups = true)
        {
            if (target is null) return;
            if (expandGroups && target.IsGroup && target.Members.Count > 0)
            {
                foreach (DirectoryObject member in target.Members) Notify(member, $"member of {target}", expandGroups: false);
                return;
            }

            if (!string.IsNullOrEmpty(target.Mail))
            {
                Blind(target.Mail!);
                if (!result.Objects.ContainsKey(target.Mail!)) result.Objects[target.Mail!] = target;
            }
            else result.Skipped.Add($"{target} ({role}): no mail address");
        }

        foreach (string address in settings.To.Concat(request.To)) To(address);
        foreach (string address in settings.Cc.Concat(request.Cc)) Cc(address);

        DirectoryObject subject = request.Target;
        switch (request.Event)
        {
            case NotificationEvent.ObjectModified:
            case NotificationEvent.MemberAdded:
            case NotificationEvent.MemberRemoved:
                if (policy.NotifyChangedBy && request.ChangedBy is { Kind: not DirectoryObjectKind.Group } changedBy) Notify(changedBy, "changed by", expandGroups: false);
                if (policy.NotifyModifiedObject) Notify(subject, "object modified");
                if (policy.NotifyGroupOwners && subject.IsGroup) foreach (DirectoryObject owner in subject.Owners) Notify(owner, "group owner");
                if (policy.NotifyManagers && subject.Manager is not null) Notify(subject.Manager, "manager", expandGroups: false);
                if (request.Event == NotificationEvent.MemberAdded && policy.NotifyAddedMembers) foreach (DirectoryObject m in request.Members) Notify(m, "added member");
                if (request.Event == NotificationEvent.MemberRemoved && policy.NotifyRemovedMembers) foreach (DirectoryObject m in request.Members) Notify(m, "removed member");
                if (request.Event != NotificationEvent.ObjectModified && policy.NotifyPublicGroupOwners && subject.Security == GroupSecurity.Public)
                {
                    foreach (DirectoryObject owner in subject.Owners) Notify(owner, "public group owner");
                }

                break;
            case NotificationEvent.AdditionalOwnerAdded:
            case NotificationEvent.AdditionalOwnerRemoved:
                foreach (DirectoryObject m in request.Members) Notify(m, "additional owner/manager");
                // The primary owner (group) or primary manager (user) is told as well.
                if (subject.IsGroup) foreach (DirectoryObject owner in subject.Owners.Take(1)) Notify(owner, "primary owner");
                else Notify(subject.Manager, "primary manager", expandGroups: false);
                break;
            default:
                foreach (DirectoryObject m in request.Members) Notify(m, "member");
                break;
        }

        return result;
    }

    private static string? Suppressed(NotificationRequest request, NotificationPolicy policy)
    {
        bool managedBy = request.IsManagedBy;
        string area = managedBy && !policy.ManagedBySameAsMembership ? "managed-by" : "membership";
        return request.Event switch
        {
            NotificationEvent.MembershipAdded or NotificationEvent.AdditionalOwnerAdded when !policy.LifeCycleAdded(managedBy)
                => $"the {area} life-cycle notification for this event is off (Set-NotificationPolicy)",
            NotificationEvent.MembershipRemoved or NotificationEvent.AdditionalOwnerRemoved when !policy.LifeCycleRemoved(managedBy)
                => $"the {area} life-cycle notification for this event is off (Set-NotificationPolicy)",
            NotificationEvent.MembershipExpiring or NotificationEvent.AdditionalOwnerExpiring when policy.LifeCycleDaysBefore(managedBy) is null
                => $"the {area} 'days before' notification is off (Set-NotificationPolicy)",
            _ => null,
        };
    }
}
