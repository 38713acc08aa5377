using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;

namespace MessagingProvider.Commands;

/// <summary>Removes the store's own template of an event (for one culture, or for any language): the built-in one applies again.</summary>
[Cmdlet(VerbsCommon.Remove, "NotificationTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNotificationTemplateCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public NotificationEvent Event { get; set; }

    /// <summary>Empty or absent: the template for any language.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Culture { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string? culture = string.IsNullOrEmpty(Culture) ? null : TemplateCultures.Require(Culture!, nameof(Culture)).Name;
            string target = $"{Event} ({culture ?? "any language"})";
            if (TemplateSelector.Custom(Store.Get(IdentityStore).Notifications, Event, culture) is null)
            {
                throw new MessagingProviderException(ErrorIds.NotificationTemplateNotFound, ErrorKind.NotFound,
                    $"'{IdentityStore}' has no template of its own for {target}. Run Get-NotificationTemplate to see them.", target);
            }

            if (!ShouldProcess(IdentityStore, $"Remove the template for {target} (the built-in one applies again)")) return;
            Store.Update(IdentityStore, d => NotificationTemplateChanges.Remove(d.Notifications, Event, culture), CancellationToken);
            WriteVerbose($"Removed the template for {target} of '{IdentityStore}'.");
        });
    }
}
