using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MimeKit;

namespace MessagingProvider.Notifications;

/// <summary>
/// Parses recipient input: arrays and the documents' semicolon-separated strings alike, each
/// address checked with MimeKit's parser. One bad address rejects the whole input.
/// </summary>
public static class RecipientAddresses
{
    private static readonly ParserOptions Strict = new ParserOptions
    {
        AllowAddressesWithoutDomain = false,
        AddressParserComplianceMode = RfcComplianceMode.Strict,
    };

    /// <summary>Bare addresses in input order, duplicates (case-insensitive) removed.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? inputs, string parameter)
    {
        var result = new List<string>();
        var invalid = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string input in inputs ?? Enumerable.Empty<string>())
        {
            foreach (string piece in (input ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string text = piece.Trim();
                if (text.Length == 0) continue;
                if (TryParse(text, out string address))
                {
                    if (seen.Add(address)) result.Add(address);
                }
                else
                {
                    invalid.Add(text);
                }
            }
        }

        if (invalid.Count > 0)
        {
            throw new MessagingProviderException(ErrorIds.InvalidEmailAddress, ErrorKind.InvalidArgument,
                $"-{parameter} has {(invalid.Count == 1 ? "an invalid address" : invalid.Count + " invalid addresses")}: {string.Join("; ", invalid.Select(i => "'" + i + "'"))}. Give addresses such as helpdesk@contoso.com, separated by ';' or as an array. Nothing was changed.",
                string.Join(";", invalid));
        }

        return result;
    }

    /// <summary>The To and Cc lists as -WhatIf shows them.</summary>
    public static string Describe(IReadOnlyList<string> to, IReadOnlyList<string> cc) =>
        $"To: {string.Join("; ", to)} Cc: {string.Join("; ", cc)}";

    /// <summary>One address ("a@b.c" or "Name &lt;a@b.c&gt;") to its bare form.</summary>
    public static bool TryParse(string text, out string address)
    {
        address = "";
        if (!MailboxAddress.TryParse(Strict, text, out MailboxAddress? mailbox) || mailbox is null) return false;
        if (!EmailAddressSyntax.IsValid(mailbox.Address)) return false;
        address = mailbox.Address;
        return true;
    }
}
