using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Renders a notification exactly as Send-Notification would (recipients, template, language,
/// subject, text and HTML) without connecting anywhere or queuing anything; -HtmlPath writes the
/// HTML to a file to open in a browser.
/// </summary>
[Cmdlet(VerbsCommon.Get, "NotificationPreview")]
[OutputType(typeof(NotificationPreview))]
public sealed class GetNotificationPreviewCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly NotificationEventParameters _event = new NotificationEventParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _event };

    /// <summary>Only the message this address would get.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Recipient { get; set; }

    /// <summary>Render as for a recipient asking for this culture, whatever the recipients ask for.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Culture { get; set; }

    /// <summary>Writes the HTML body here (with several messages, one file each: name-culture.html).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? HtmlPath { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        TryRun(() =>
        {
            CultureInfo? culture = Culture is null ? null : TemplateCultures.Require(Culture, nameof(Culture));
            NotificationRequest request = _event.ToRequest();
            var previews = NotificationPreviewer.Preview(Store.Get(IdentityStore), request, Recipient, culture);
            if (HtmlPath is not null) NotificationPreviewer.WriteHtml(previews, ResolveFilePath(HtmlPath), Streams);
            foreach (NotificationPreview preview in previews)
            {
                if (preview.Reason is not null) WriteWarning($"Send-Notification would send nothing: {preview.Reason}.");
                WriteObject(preview);
            }
        });
    }
}
