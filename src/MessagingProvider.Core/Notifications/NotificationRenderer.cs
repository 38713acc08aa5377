using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MimeKit;

namespace MessagingProvider.Notifications;

/// <summary>Fills a template's placeholders and builds the message.</summary>
public static class NotificationRenderer
{
    public static readonly string[] Placeholders = { "Object", "ObjectMail", "Member", "ChangedBy", "Days", "Date", "PortalUrl", "IdentityStore", "Event", "Findings" };

    private static readonly Regex Placeholder = new Regex(@"\{(\w+)\}", RegexOptions.Compiled);

    public static NotificationTemplate TemplateFor(NotificationSettings settings, NotificationEvent notificationEvent) =>
        settings.Templates.TryGetValue(notificationEvent, out NotificationTemplate? custom) ? custom : BuiltInTemplates.For(notificationEvent);

    /// <summary>Rejects placeholders the renderer does not know (a typo would otherwise reach every recipient).</summary>
    public static void Validate(string text, string parameter)
    {
        string[] unknown = Placeholder.Matches(text).Cast<Match>().Select(m => m.Groups[1].Value)
            .Where(name => !Placeholders.Contains(name, StringComparer.OrdinalIgnoreCase)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.InvalidArgument,
                $"-{parameter} uses unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}. Known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.", text);
        }
    }

    public static MimeMessage Render(string identityStore, string from, NotificationRequest request, ResolvedRecipients recipients, NotificationSettings settings)
    {
        NotificationTemplate template = TemplateFor(settings, request.Event);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Object"] = request.Target.ToString(),
            ["ObjectMail"] = request.Target.Mail,
            ["Member"] = request.Members.Count == 0 ? null : string.Join(", ", request.Members.Select(m => m.ToString())),
            ["ChangedBy"] = request.ChangedBy?.ToString(),
            ["Days"] = DaysLeft(request)?.ToString(CultureInfo.InvariantCulture),
            ["Date"] = request.ExpirationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PortalUrl"] = settings.Policy.PortalUrl,
            ["IdentityStore"] = identityStore,
            ["Event"] = request.Event.ToString(),
            ["Findings"] = request.Details,
        };

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        AddressHeaders(message, recipients);
        message.Subject = Fill(template.Subject, values).Replace("\r", " ").Replace("\n", " ");
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-MessagingProvider-Event", request.Event.ToString());
        message.Body = new TextPart("plain") { Text = FillBody(template.Body, values) };
        return message;
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

    private static int? DaysLeft(NotificationRequest request) =>
        request.DaysLeft ?? (request.ExpirationDate is DateTime end ? (int)(end.Date - DateTime.Today).TotalDays : null);

    private static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder.Replace(text, m => values.TryGetValue(m.Groups[1].Value, out string? v) ? v ?? "(unknown)" : m.Value);

    /// <summary>A body line whose placeholder has no value (no portal URL set) is left out rather than shown half-empty.</summary>
    private static string FillBody(string text, IReadOnlyDictionary<string, string?> values)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n')
            .Where(line => !Placeholder.Matches(line).Cast<Match>().Any(m => m.Groups[1].Value.Equals("PortalUrl", StringComparison.OrdinalIgnoreCase) && values["PortalUrl"] is null))
            .Select(line => Fill(line, values));
        return string.Join("\r\n", lines);
    }
}
