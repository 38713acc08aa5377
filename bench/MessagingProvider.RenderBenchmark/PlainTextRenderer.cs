using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MessagingProvider.Notifications;
using MimeKit;

namespace MessagingProvider.RenderBenchmark;

/// <summary>The renderer before issue 17 (main at e091adc), kept as the baseline: nine placeholders, text/plain.</summary>
internal static class PlainTextRenderer
{
    private static readonly Regex Placeholder = new Regex(@"\{(\w+)\}", RegexOptions.Compiled);

    public const string Subject = "{Member} added to {Object}";
    public const string Body = "{Member} was added to the membership of {Object} by {ChangedBy}.\r\nIf this is a password expiry group, change your password at {PortalUrl}\r\n\r\nThis notification was sent for the identity store {IdentityStore}.";

    public static MimeMessage Render(string identityStore, string from, NotificationRequest request, ResolvedRecipients recipients, string? portalUrl)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Object"] = request.Target.ToString(),
            ["ObjectMail"] = request.Target.Mail,
            ["Member"] = request.Members.Count == 0 ? null : string.Join(", ", request.Members.Select(m => m.ToString())),
            ["ChangedBy"] = request.ChangedBy?.ToString(),
            ["Days"] = request.DaysLeft?.ToString(CultureInfo.InvariantCulture),
            ["Date"] = request.ExpirationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PortalUrl"] = portalUrl,
            ["IdentityStore"] = identityStore,
            ["Event"] = request.Event.ToString(),
        };

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        NotificationRenderer.AddressHeaders(message, recipients);
        message.Subject = Fill(Subject, values).Replace("\r", " ").Replace("\n", " ");
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-MessagingProvider-Event", request.Event.ToString());
        message.Body = new TextPart("plain") { Text = FillBody(Body, values) };
        return message;
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder.Replace(text, m => values.TryGetValue(m.Groups[1].Value, out string? v) ? v ?? "(unknown)" : m.Value);

    private static string FillBody(string text, IReadOnlyDictionary<string, string?> values)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n')
            .Where(line => !Placeholder.Matches(line).Cast<Match>().Any(m => m.Groups[1].Value.Equals("PortalUrl", StringComparison.OrdinalIgnoreCase) && values["PortalUrl"] is null))
            .Select(line => Fill(line, values));
        return string.Join("\r\n", lines);
    }
}
