using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// The single-brace placeholders of earlier versions ({Object}, {Member}…) written as Liquid,
/// so that templates set before keep working and scripts that set them still do.
/// </summary>
public static class LegacyPlaceholders
{
    private static readonly Dictionary<string, string> Liquid = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Object"] = "{{ object }}",
        ["ObjectMail"] = "{{ object.mail }}",
        ["Member"] = "{{ members | join: \", \" }}",
        ["ChangedBy"] = "{{ changed_by }}",
        ["Days"] = "{{ days }}",
        ["Date"] = "{{ date | format_date: \"yyyy-MM-dd\" }}",
        ["PortalUrl"] = "{{ portal_url }}",
        ["IdentityStore"] = "{{ identity_store }}",
        ["Event"] = "{{ event }}",
    };

    // {Word} that is not part of a Liquid {{ }} or {% %}.
    private static readonly Regex Placeholder = new Regex(@"(?<![{%])\{(\w+)\}(?![}])", RegexOptions.Compiled);

    public static IEnumerable<string> Names => Liquid.Keys;

    /// <summary>Rewrites known placeholders; an unknown one is an error (a typo would otherwise reach every recipient).</summary>
    public static string ToLiquid(string text, string parameter)
    {
        string[] unknown = Placeholder.Matches(text).Cast<Match>().Select(m => m.Groups[1].Value).Where(n => !Liquid.ContainsKey(n)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.InvalidArgument,
                $"-{parameter} uses unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}. Templates are Liquid: write {{{{ object }}}}, {{{{ object.department }}}}, {{{{ members | join: \", \" }}}}; the earlier {string.Join(", ", Liquid.Keys.Select(p => "{" + p + "}"))} still work.", text);
        }

        return Placeholder.Replace(text, m => Liquid[m.Groups[1].Value]);
    }

    /// <summary>A template stored by an earlier version (plain text in Body) as a Liquid template.</summary>
    public static NotificationTemplate Upgrade(NotificationTemplate stored)
    {
        if (stored.Html is not null || stored.Text is not null || stored.Body is null) return stored;
        string text = SafeToLiquid(stored.Body);
        return new NotificationTemplate { Subject = SafeToLiquid(stored.Subject), Text = text, Html = HtmlFromText.Convert(text) };
    }

    // Stored templates were validated when set; an unknown name is left as it is rather than failing a send.
    private static string SafeToLiquid(string text) => Placeholder.Replace(text, m => Liquid.TryGetValue(m.Groups[1].Value, out string? liquid) ? liquid : m.Value);
}
