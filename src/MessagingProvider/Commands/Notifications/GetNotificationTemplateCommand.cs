using System.Globalization;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Shows each event's template: the one of the store's default language and every one set for a
/// culture, or (-Culture) the one a recipient asking for that culture gets.
/// </summary>
[Cmdlet(VerbsCommon.Get, "NotificationTemplate")]
[OutputType(typeof(NotificationTemplateInfo))]
public sealed class GetNotificationTemplateCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    public NotificationEvent[]? Event { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Culture { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            CultureInfo? culture = Culture is null ? null : TemplateCultures.Require(Culture, nameof(Culture));
            IdentityStoreDocument document = Store.Get(IdentityStore);
            foreach (NotificationTemplateInfo info in TemplateCatalog.List(document, Event ?? TemplateCatalog.AllEvents, culture)) WriteObject(info);
        });
    }
}
