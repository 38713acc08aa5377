using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
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
public sealed class GetNotificationPreviewCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public NotificationEvent Event { get; set; }

    /// <summary>The group or user the event is about: AD objects, [pscustomobject]s, hashtables, or addresses.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object InputObject { get; set; } = null!;

    [Parameter]
    public object[]? Member { get; set; }

    [Parameter]
    public object? ChangedBy { get; set; }

    [Parameter]
    public DateTime? ExpirationDate { get; set; }

    [Parameter]
    public string[]? To { get; set; }

    [Parameter]
    public string[]? Cc { get; set; }

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
        TryRun(() =>
        {
            CultureInfo? culture = Culture is null ? null : TemplateCultures.Require(Culture, nameof(Culture));
            NotificationRequest request = NotificationRequestReader.Read(Event, InputObject, Member, ChangedBy, ExpirationDate, To, Cc);
            var previews = NotificationPreviewer.Preview(Store.Get(IdentityStore), request, Recipient, culture);
            foreach (NotificationPreview preview in previews)
            {
                if (preview.Reason is not null) WriteWarning($"Send-Notification would send nothing: {preview.Reason}.");
                if (HtmlPath is not null)
                {
                    string path = ResolveFilePath(HtmlPath);
                    if (previews.Count > 1) path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", $"{System.IO.Path.GetFileNameWithoutExtension(path)}-{preview.Language}{System.IO.Path.GetExtension(path)}");
                    File.WriteAllText(path, preview.HtmlBody, new UTF8Encoding(false));
                    preview.HtmlPath = path;
                    WriteVerbose($"Wrote the HTML of '{preview.Subject}' ({preview.Template}) to {path}.");
                }

                WriteObject(preview);
            }
        });
    }
}
