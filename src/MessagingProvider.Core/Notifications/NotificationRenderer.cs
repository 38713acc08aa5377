using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications.Templates;
using MimeKit;

namespace MessagingProvider.Notifications;

/// <summary>
/// Renders a notification into one message per template and language: recipients whose objects
/// ask for different languages get different messages (see <see cref="TemplateSelector"/>). Each
/// message is multipart/alternative, text first and HTML last, UTF-8.
/// </summary>
public static class NotificationRenderer
{
    public static IReadOnlyList<RenderedNotification> Render(string identityStore, string from, NotificationRequest request, ResolvedRecipients recipients, NotificationSettings settings)
    {
        var groups = new List<(SelectedTemplate Template, ResolvedRecipients Recipients)>();
        ResolvedRecipients GroupOf(PropertyBag? recipient)
        {
            SelectedTemplate selected = TemplateSelector.For(settings, request.Event, recipient);
            foreach (var group in groups)
            {
                if (group.Template.Name == selected.Name) return group.Recipients;
            }

            var created = new ResolvedRecipients();
            groups.Add((selected, created));
            return created;
        }

        // The store's and the call's fixed recipients read the store's default language.
        foreach (string to in recipients.To) GroupOf(null).To.Add(to);
        foreach (string cc in recipients.Cc) GroupOf(null).Cc.Add(cc);
        foreach (string bcc in recipients.Bcc)
        {
            ResolvedRecipients group = GroupOf(recipients.Objects.TryGetValue(bcc, out DirectoryObject? o) ? o.Properties : null);
            group.Bcc.Add(bcc);
        }

        if (groups.Count == 0) GroupOf(null);
        return groups.Select(g => Build(identityStore, from, request, g.Template, g.Recipients, settings)).ToList();
    }

    public static RenderedNotification Build(string identityStore, string from, NotificationRequest request, SelectedTemplate template, ResolvedRecipients recipients, NotificationSettings settings)
    {
        RenderedContent content = ContentRenderer.Render(template, new TemplateData(identityStore, request, settings.Policy.PortalUrl, template.Culture));
        var message = new MimeMessage();
        if (from.Length > 0) message.From.Add(MailboxAddress.Parse(from));
        AddressHeaders(message, recipients);
        message.Subject = content.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-MessagingProvider-Event", request.Event.ToString());
        var text = new TextPart("plain");
        text.SetText("utf-8", content.Text);
        var html = new TextPart("html");
        html.SetText("utf-8", content.Html);
        message.Body = new MultipartAlternative { text, html };
        return new RenderedNotification(message, recipients, content);
    }

    /// <summary>
    /// The fixed To/Cc are shown. Role-based recipients are blind copies (envelope only), except a
    /// single one with nobody else in the headers, who is the To: then. With role-based recipients
    /// and no fixed To, To: is the empty group "undisclosed-recipients:;".
    /// </summary>
    public static void AddressHeaders(MimeMessage message, ResolvedRecipients recipients)
    {
        message.To.AddRange(recipients.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(recipients.Cc.Select(MailboxAddress.Parse));
        if (message.To.Count > 0 || recipients.Bcc.Count == 0) return;
        if (recipients.Bcc.Count == 1 && message.Cc.Count == 0) message.To.Add(MailboxAddress.Parse(recipients.Bcc[0]));
        else message.To.Add(new GroupAddress("undisclosed-recipients"));
    }
}

/// <summary>One message of a notification: what it says, in which language, to whom.</summary>
public sealed class RenderedNotification
{
    public RenderedNotification(MimeMessage message, ResolvedRecipients recipients, RenderedContent content)
    {
        Message = message;
        Recipients = recipients;
        Content = content;
    }

    public MimeMessage Message { get; }
    public ResolvedRecipients Recipients { get; }
    public RenderedContent Content { get; }
}
