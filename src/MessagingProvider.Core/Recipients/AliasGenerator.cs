using System.Globalization;
using System.Linq;
using System.Text;

namespace MessagingProvider.Recipients;

/// <summary>
/// An alias from an object's names when none is given: the sAMAccountName, else GivenName.Surname
/// for people, else the name; accents are folded and characters an SMTP local part cannot hold
/// are dropped (spaces become nothing, so "Sales Team" gives "SalesTeam", as Exchange does).
/// </summary>
public static class AliasGenerator
{
    public static string From(MailEnabledObjectRequest request)
    {
        string? source = request.SamAccountName;
        if (string.IsNullOrWhiteSpace(source) && request.Kind != MailEnabledObjectKind.Group &&
            !string.IsNullOrWhiteSpace(request.GivenName) && !string.IsNullOrWhiteSpace(request.Surname))
        {
            source = request.GivenName!.Trim() + "." + request.Surname!.Trim();
        }

        if (string.IsNullOrWhiteSpace(source)) source = request.Name;
        if (string.IsNullOrWhiteSpace(source)) source = LeafName(request.Identity);
        return Clean(source ?? "");
    }

    public static string Clean(string source)
    {
        var builder = new StringBuilder();
        foreach (char c in source.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-/=?^_`{|}~.".IndexOf(c) >= 0;
            if (ok && !(c == '.' && (builder.Length == 0 || builder[builder.Length - 1] == '.'))) builder.Append(c);
        }

        return builder.ToString().TrimEnd('.');
    }

    /// <summary>"CN=Sales Team,OU=Groups,DC=contoso,DC=com" gives "Sales Team"; other identities are used as they are.</summary>
    public static string LeafName(string identity)
    {
        if (!identity.StartsWith("CN=", System.StringComparison.OrdinalIgnoreCase)) return identity;
        var builder = new StringBuilder();
        for (int i = 3; i < identity.Length; i++)
        {
            if (identity[i] == '\\' && i + 1 < identity.Length) { builder.Append(identity[++i]); continue; }
            if (identity[i] == ',') break;
            builder.Append(identity[i]);
        }

        return builder.ToString();
    }
}
