using System.Linq;
using System.Net;
using System.Text;

namespace MessagingProvider.Notifications.Templates;

/// <summary>An HTML body for a text-only (Liquid) template: paragraphs and line breaks, the Liquid left as it is.</summary>
public static class HtmlFromText
{
    public static string Convert(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n");
        foreach (string paragraph in text.Replace("\r\n", "\n").Split(new[] { "\n\n" }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(EncodeOutsideLiquid))).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    // Liquid tags must stay parseable: only the text between them is encoded.
    private static string EncodeOutsideLiquid(string line)
    {
        var result = new StringBuilder();
        int i = 0;
        while (i < line.Length)
        {
            int start = IndexOfTag(line, i);
            if (start < 0)
            {
                result.Append(WebUtility.HtmlEncode(line.Substring(i)));
                break;
            }

            result.Append(WebUtility.HtmlEncode(line.Substring(i, start - i)));
            string close = line[start + 1] == '{' ? "}}" : "%}";
            int end = line.IndexOf(close, start + 2, System.StringComparison.Ordinal);
            end = end < 0 ? line.Length : end + 2;
            result.Append(line, start, end - start);
            i = end;
        }

        return result.ToString();
    }

    private static int IndexOfTag(string line, int from)
    {
        int a = line.IndexOf("{{", from, System.StringComparison.Ordinal);
        int b = line.IndexOf("{%", from, System.StringComparison.Ordinal);
        return a < 0 ? b : b < 0 ? a : System.Math.Min(a, b);
    }
}
