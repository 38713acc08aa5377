using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Shows the template each event's notification uses (built-in or the identity store's own).</summary>
[Cmdlet(VerbsCommon.Get, "NotificationTemplate")]
[OutputType(typeof(NotificationTemplateInfo))]
public sealed class GetNotificationTemplateCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    public NotificationEvent[]? Event { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            var events = Event ?? Enum.GetValues(typeof(NotificationEvent)).Cast<NotificationEvent>().ToArray();
            foreach (NotificationEvent e in events) WriteObject(Info(document, e));
        });
    }

    internal static NotificationTemplateInfo Info(IdentityStoreDocument document, NotificationEvent e)
    {
        NotificationTemplate template = NotificationRenderer.TemplateFor(document.Notifications, e);
        return new NotificationTemplateInfo
        {
            IdentityStore = document.Name,
            Event = e.ToString(),
            IsCustom = document.Notifications.Templates.ContainsKey(e),
            Subject = template.Subject,
            Body = template.Body,
        };
    }
}
