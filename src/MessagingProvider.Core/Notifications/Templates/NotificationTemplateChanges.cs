using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Setting, removing, reading from and exporting to files the store's own templates. Setting
/// parses every part (syntax errors with line and column) and returns warnings about unknown
/// top-level variables.
/// </summary>
public static class NotificationTemplateChanges
{
    public const string SubjectSuffix = ".subject.txt";
    private static readonly Regex Title = new Regex(@"<title[^>]*>(?<subject>.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The template Set-NotificationTemplate stores: the store's own for the event and culture (or
    /// the built-in one) with the given parts replaced.
    /// </summary>
    public static NotificationTemplate Compose(NotificationSettings settings, NotificationEvent notificationEvent, string? culture, string? subject, string? html, string? text)
    {
        NotificationTemplate baseline = TemplateSelector.Custom(settings, notificationEvent, culture) ?? BuiltInTemplates.For(notificationEvent);
        return Merge(baseline, subject, html, text, replaceText: false);
    }

    /// <summary>
    /// The new template: the parts given replace the current one's (custom or built-in). A subject
    /// not given is the HTML's &lt;title&gt; when it has one. Earlier {Object}-style placeholders are rewritten.
    /// </summary>
    public static NotificationTemplate Merge(NotificationTemplate current, string? subject, string? html, string? text, bool replaceText)
    {
        string? newSubject = subject is null ? null : LegacyPlaceholders.ToLiquid(subject, "Subject");
        string? newText = text is null ? null : LegacyPlaceholders.ToLiquid(text, "TextBody");
        if (newSubject is null && html is not null && Title.Match(html) is { Success: true } title)
        {
            newSubject = System.Net.WebUtility.HtmlDecode(title.Groups["subject"].Value).Trim();
        }

        return new NotificationTemplate
        {
            Subject = newSubject ?? current.Subject,
            Html = html ?? current.Html,
            // A new HTML body without a text body: the text is derived from the new HTML, not left stale.
            Text = newText ?? (html is not null || replaceText ? null : current.Text),
        };
    }

    /// <summary>Parses every part; returns the warnings (unknown variables).</summary>
    public static IReadOnlyList<string> Check(NotificationTemplate template)
    {
        var warnings = new List<string>();
        void Part(string? source, string part)
        {
            if (source is null) return;
            LiquidTemplates.CheckLength(source, part);
            foreach (string name in LiquidTemplates.UnknownVariables(source, part))
            {
                warnings.Add($"The {part} template uses '{name}', which no notification sets (it renders empty). Variables: {string.Join(", ", TemplateVariables.Names)}.");
            }
        }

        Part(template.Subject, "subject");
        Part(template.Html, "HTML");
        Part(template.Text, "text");
        if (template.Html is null && template.Text is null)
        {
            throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.InvalidArgument, "A template needs an HTML body or a text body.", null);
        }

        return warnings;
    }

    public static void Set(NotificationSettings settings, NotificationEvent notificationEvent, string? culture, NotificationTemplate template)
    {
        if (culture is null)
        {
            settings.Templates[notificationEvent] = template;
            return;
        }

        settings.CultureTemplates ??= new Dictionary<string, Dictionary<NotificationEvent, NotificationTemplate>>();
        if (!settings.CultureTemplates.TryGetValue(culture, out var events)) settings.CultureTemplates[culture] = events = new Dictionary<NotificationEvent, NotificationTemplate>();
        events[notificationEvent] = template;
    }

    /// <summary>False when there was no such template.</summary>
    public static bool Remove(NotificationSettings settings, NotificationEvent notificationEvent, string? culture)
    {
        if (culture is null) return settings.Templates.Remove(notificationEvent);
        if (settings.CultureTemplates is null || !settings.CultureTemplates.TryGetValue(culture, out var events) || !events.Remove(notificationEvent)) return false;
        if (events.Count == 0) settings.CultureTemplates.Remove(culture);
        if (settings.CultureTemplates.Count == 0) settings.CultureTemplates = null;
        return true;
    }

    /// <summary>Reads template parts from files: *.subject.txt the subject, *.html, *.htm, *.liquid the HTML body, other *.txt the text body.</summary>
    public static (string? Subject, string? Html, string? Text) ReadFiles(IEnumerable<string> paths)
    {
        string? subject = null, html = null, text = null;
        foreach (string path in paths)
        {
            string content;
            try
            {
                if (new FileInfo(path).Length > LiquidTemplates.MaxLength * 4L) LiquidTemplates.CheckLength(new string(' ', LiquidTemplates.MaxLength + 1), Path.GetFileName(path));
                content = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (IOException e)
            {
                throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.NotFound, $"Cannot read the template file '{path}': {e.Message}", path, e);
            }

            string name = Path.GetFileName(path);
            if (name.EndsWith(SubjectSuffix, StringComparison.OrdinalIgnoreCase)) subject = content.Trim();
            else if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".liquid", StringComparison.OrdinalIgnoreCase)) html = content;
            else if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) text = content;
            else
            {
                throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.InvalidArgument,
                    $"'{name}' is not a template file: give <Event>{SubjectSuffix} (subject), .html, .htm or .liquid (HTML body), or .txt (text body).", path);
            }
        }

        return (subject, html, text);
    }

    /// <summary>Writes &lt;folder&gt;/&lt;culture or "any"&gt;/&lt;Event&gt;.subject.txt, .html and .txt; returns the files written.</summary>
    public static IReadOnlyList<string> Export(string folder, NotificationEvent notificationEvent, string cultureFolder, NotificationTemplate template, bool force)
    {
        string directory = Path.Combine(folder, cultureFolder);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, string? content)
        {
            if (content is null) return;
            string path = Path.Combine(directory, name);
            if (File.Exists(path) && !force)
            {
                throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.AlreadyExists, $"'{path}' exists; use -Force to overwrite it.", path);
            }

            File.WriteAllText(path, content, Utf8);
            written.Add(path);
        }

        Write(notificationEvent + SubjectSuffix, template.Subject + "\n");
        Write(notificationEvent + ".html", template.Html);
        Write(notificationEvent + ".txt", template.Text);
        return written;
    }
}
