using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets the store's own Liquid template of one event (for one culture, or for any language) from
/// strings or files, returns to the built-in one (-Reset), or sets the store's default culture.
/// Every part is parsed first: a syntax error stores nothing.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NotificationTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = CustomSet)]
[OutputType(typeof(NotificationTemplateInfo))]
public sealed class SetNotificationTemplateCommand : IdentityStoreCmdlet
{
    private const string CustomSet = "Custom";
    private const string ResetSet = "Reset";
    private const string DefaultCultureSet = "DefaultCulture";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomSet)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ResetSet)]
    public NotificationEvent Event { get; set; }

    /// <summary>The culture the template is for (en-US, de-DE…); without it, the template is for any language.</summary>
    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ResetSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Culture { get; set; }

    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Subject { get; set; }

    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? HtmlBody { get; set; }

    [Parameter(ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Body")]
    [ValidateNotNullOrEmpty]
    public string? TextBody { get; set; }

    /// <summary>Template files: *.subject.txt, *.html/*.htm/*.liquid (HTML body), *.txt (text body).</summary>
    [Parameter(ParameterSetName = CustomSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ResetSet)]
    public SwitchParameter Reset { get; set; }

    /// <summary>The language of recipients whose objects name none; empty string: en-US again.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultCultureSet)]
    [AllowEmptyString]
    public string? DefaultCulture { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            if (ParameterSetName == DefaultCultureSet)
            {
                SetDefaultCulture();
                return;
            }

            string? culture = string.IsNullOrEmpty(Culture) ? null : TemplateCultures.Require(Culture!, nameof(Culture)).Name;
            string target = $"{Event} ({culture ?? "any language"})";
            if (Reset)
            {
                if (!ShouldProcess(IdentityStore, $"Remove the template for {target}")) return;
                Write(Store.Update(IdentityStore, d => NotificationTemplateChanges.Remove(d.Notifications, Event, culture), CancellationToken), culture);
                return;
            }

            (string? subject, string? html, string? text) = NotificationTemplateChanges.ReadFiles((Path ?? new string[0]).SelectMany(Resolve));
            NotificationTemplate template = NotificationTemplateChanges.Compose(Store.Get(IdentityStore).Notifications, Event, culture, Subject ?? subject, HtmlBody ?? html, TextBody ?? text);
            foreach (string warning in NotificationTemplateChanges.Check(template)) WriteWarning(warning);
            if (!ShouldProcess(IdentityStore, $"Set the template for {target}")) return;
            Write(Store.Update(IdentityStore, d => NotificationTemplateChanges.Set(d.Notifications, Event, culture, template), CancellationToken), culture);
        });
    }

    private void SetDefaultCulture()
    {
        string? culture = string.IsNullOrEmpty(DefaultCulture) ? null : TemplateCultures.Require(DefaultCulture!, nameof(DefaultCulture)).Name;
        if (!ShouldProcess(IdentityStore, $"Set the default notification culture to {culture ?? "en-US (built-in)"}")) return;
        IdentityStoreDocument updated = Store.Update(IdentityStore, d => d.Notifications.DefaultCulture = culture, CancellationToken);
        if (PassThru) foreach (NotificationTemplateInfo info in TemplateCatalog.List(updated, TemplateCatalog.AllEvents, null)) WriteObject(info);
    }

    private IEnumerable<string> Resolve(string path)
    {
        foreach (string resolved in GetResolvedProviderPathFromPSPath(path, out ProviderInfo _)) yield return resolved;
    }

    private void Write(IdentityStoreDocument updated, string? culture)
    {
        if (PassThru) WriteObject(TemplateCatalog.InEffect(updated, Event, culture));
    }
}
