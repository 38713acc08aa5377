using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Overrides the built-in subject/body of one event's notification, or (-Reset) returns to the built-in one.</summary>
[Cmdlet(VerbsCommon.Set, "NotificationTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = CustomSet)]
[OutputType(typeof(NotificationTemplateInfo))]
public sealed class SetNotificationTemplateCommand : IdentityStoreCmdlet
{
    private const string CustomSet = "Custom";
    private const string ResetSet = "Reset";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public NotificationEvent Event { get; set; }

    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Subject { get; set; }

    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Body { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ResetSet)]
    public SwitchParameter Reset { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            if (Subject is not null) NotificationRenderer.Validate(Subject, nameof(Subject));
            if (Body is not null) NotificationRenderer.Validate(Body, nameof(Body));
            if (!ShouldProcess(IdentityStore, Reset ? $"Use the built-in template for {Event}" : $"Set the template for {Event}")) return;
            var updated = Store.Update(IdentityStore, d =>
            {
                if (Reset)
                {
                    d.Notifications.Templates.Remove(Event);
                    return;
                }

                NotificationTemplate current = NotificationRenderer.TemplateFor(d.Notifications, Event);
                d.Notifications.Templates[Event] = new NotificationTemplate { Subject = Subject ?? current.Subject, Body = Body ?? current.Body };
            }, CancellationToken);
            if (PassThru) WriteObject(GetNotificationTemplateCommand.Info(updated, Event));
        });
    }
}
