using System.Collections.Generic;

namespace MessagingProvider.Notifications;

/// <summary>The templates used unless an identity store overrides one (Set-NotificationTemplate).</summary>
public static class BuiltInTemplates
{
    private const string Footer = "\r\n\r\nThis notification was sent for the identity store {IdentityStore}.";

    private static readonly Dictionary<NotificationEvent, NotificationTemplate> Templates = new Dictionary<NotificationEvent, NotificationTemplate>
    {
        [NotificationEvent.ObjectModified] = T("{Object} was modified", "{Object} was modified by {ChangedBy}."),
        [NotificationEvent.MemberAdded] = T("{Member} added to {Object}", "{Member} was added to the membership of {Object} by {ChangedBy}.\r\nIf this is a password expiry group, change your password at {PortalUrl}"),
        [NotificationEvent.MemberRemoved] = T("{Member} removed from {Object}", "{Member} was removed from the membership of {Object} by {ChangedBy}."),
        [NotificationEvent.MembershipAdded] = T("You were added to {Object}", "The membership life cycle added {Member} to {Object} until {Date}."),
        [NotificationEvent.MembershipRemoved] = T("You were removed from {Object}", "The membership life cycle removed {Member} from {Object}."),
        [NotificationEvent.MembershipExpiring] = T("Your membership of {Object} ends in {Days} day(s)", "{Member} will be removed from {Object} on {Date} ({Days} day(s) from now) by the membership life cycle."),
        [NotificationEvent.AdditionalOwnerAdded] = T("{Member} is now an additional owner/manager of {Object}", "The managed-by life cycle made {Member} an additional owner/manager of {Object} until {Date}."),
        [NotificationEvent.AdditionalOwnerRemoved] = T("{Member} is no longer an additional owner/manager of {Object}", "The managed-by life cycle removed {Member} as additional owner/manager of {Object}."),
        [NotificationEvent.ReadinessFindings] = T("Messaging readiness: {Object}", "Test-MessagingReadiness found what the coming platform changes and expiries will break, and how to fix it:\r\n\r\n{Findings}"),
        [NotificationEvent.AdditionalOwnerExpiring] = T("Your additional ownership of {Object} ends in {Days} day(s)", "{Member} will be removed as additional owner/manager of {Object} on {Date} ({Days} day(s) from now) by the managed-by life cycle."),
    };

    public static NotificationTemplate For(NotificationEvent notificationEvent) => Templates[notificationEvent];

    private static NotificationTemplate T(string subject, string body) => new NotificationTemplate { Subject = subject, Body = body + Footer };
}
