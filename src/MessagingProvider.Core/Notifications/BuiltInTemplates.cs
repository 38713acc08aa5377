using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.RegularExpressions;

namespace MessagingProvider.Notifications;

/// <summary>
/// The templates used unless an identity store sets its own (Set-NotificationTemplate): for each
/// event a resource pair Templates/BuiltIn/&lt;Event&gt;.html (its &lt;title&gt; is the subject, the
/// rest goes into layout.html) and &lt;Event&gt;.txt (the text body). A new event needs only its pair.
/// Liquid in the HTML sources uses single quotes and no Liquid in the HTML sources uses single quotes (filter arguments) so that it survives CSS inlining.lt; or Liquid in the HTML sources uses single quotes (filter arguments) so that it survives CSS inlining.gt; so that it survives CSS inlining.
/// </summary>
public static class BuiltInTemplates
{
    private static readonly ConcurrentDictionary<NotificationEvent, NotificationTemplate> Loaded = new ConcurrentDictionary<NotificationEvent, NotificationTemplate>();
    private static readonly Regex Title = new Regex(@"^\s*<title>(?<subject>.*?)</title>\s*", RegexOptions.Singleline | RegexOptions.Compiled);

    public static NotificationTemplate For(NotificationEvent notificationEvent) => Loaded.GetOrAdd(notificationEvent, Load);

    private static NotificationTemplate Load(NotificationEvent notificationEvent)
    {
        string fragment = Resource($"{notificationEvent}.html");
        Match title = Title.Match(fragment);
        if (!title.Success) throw new InvalidOperationException($"The built-in template {notificationEvent}.html starts with no <title> (its subject).");
        string subject = title.Groups["subject"].Value.Trim();
        string html = Resource("layout.html").Replace("<!--title-->", subject).Replace("<!--content-->", fragment.Substring(title.Length).TrimEnd());
        return new NotificationTemplate
        {
            Subject = System.Net.WebUtility.HtmlDecode(subject),
            Html = html,
            Text = Resource($"{notificationEvent}.txt"),
        };
    }

    private static string Resource(string name)
    {
        using Stream stream = typeof(BuiltInTemplates).Assembly.GetManifestResourceStream("BuiltIn/" + name)
            ?? throw new InvalidOperationException($"The built-in template resource {name} is missing from the module.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
