using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Renders a notification as Send-Notification would, without a transport, an outbox or any
/// connection: one preview per message (template and language), or only the one a given recipient gets.
/// </summary>
public static class NotificationPreviewer
{
    public static IReadOnlyList<NotificationPreview> Preview(IdentityStoreDocument document, NotificationRequest request, string? recipient, CultureInfo? culture)
    {
        NotificationSettings settings = document.Notifications;
        ResolvedRecipients recipients = RecipientResolver.Resolve(request, settings);
        string? reason = recipients.Suppressed ?? (recipients.IsEmpty ? "nobody to notify: no fixed recipients and no role-based recipient with a mail address" : null);
        IReadOnlyList<RenderedNotification> rendered;
        if (culture is not null)
        {
            SelectedTemplate selected = TemplateSelector.For(settings, request.Event, new PropertyBag { ["preferredLanguage"] = culture.Name });
            rendered = new[] { NotificationRenderer.Build(document.Name, "", request, selected, recipients, settings) };
        }
        else
        {
            rendered = NotificationRenderer.Render(document.Name, "", request, recipients, settings);
        }

        if (recipient is not null)
        {
            rendered = rendered.Where(r => r.Recipients.All.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();
            if (rendered.Count == 0)
            {
                throw new Errors.MessagingProviderException(Errors.ErrorIds.NotificationRecipientNotFound, Errors.ErrorKind.NotFound,
                    $"{recipient} would not receive this notification. Recipients: {(recipients.IsEmpty ? "none" : string.Join(", ", recipients.All))}.", recipient);
            }
        }

        return rendered.Select(r => new NotificationPreview
        {
            IdentityStore = document.Name,
            Event = request.Event.ToString(),
            Object = request.Target.ToString(),
            Template = r.Content.TemplateName,
            Language = r.Content.Culture.Name,
            Subject = r.Content.Subject,
            To = r.Recipients.To.ToArray(),
            Cc = r.Recipients.Cc.ToArray(),
            Bcc = r.Recipients.Bcc.ToArray(),
            TextBody = r.Content.Text,
            HtmlBody = r.Content.Html,
            Reason = reason,
            SkippedRecipients = recipients.Skipped.ToArray(),
        }).ToList();
    }

    /// <summary>One file for one preview; with several, one file each: name-language.html. Sets each preview's HtmlPath.</summary>
    public static void WriteHtml(IReadOnlyList<NotificationPreview> previews, string path, IOperationSink streams)
    {
        foreach (NotificationPreview preview in previews)
        {
            string file = previews.Count > 1
                ? Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{preview.Language}{Path.GetExtension(path)}")
                : path;
            File.WriteAllText(file, preview.HtmlBody, new UTF8Encoding(false));
            preview.HtmlPath = file;
            streams.Verbose($"Wrote the HTML of '{preview.Subject}' ({preview.Template}) to {file}.");
        }
    }
}
