using System;

namespace MessagingProvider.Notifications;

/// <summary>Decides whether a "N days before" life-cycle notification is due on a given date.</summary>
public static class DueNotificationCalculator
{
    /// <summary>The days left when the notification is due today, else null (also when the policy turns it off).</summary>
    public static int? DaysLeftIfDue(NotificationPolicy policy, bool managedBy, DateTime endDate, DateTime today)
    {
        int? daysBefore = policy.LifeCycleDaysBefore(managedBy);
        if (daysBefore is null) return null;
        int left = (int)(endDate.Date - today.Date).TotalDays;
        return left == daysBefore.Value ? left : null;
    }
}
