using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Providers;

/// <summary>
/// The "Validate" button: every reason an alias cannot be used. All providers apply the SMTP
/// local-part (RFC 5321 dot-atom, at most 64 characters); Other adds its own maximum length and
/// pattern.
/// </summary>
public static class EmailAliasRules
{
    public const int SmtpLocalPartMaximum = 64;

    /// <summary>A pattern cannot hang the shell: evaluation stops after this long.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static Regex CompilePattern(string pattern)
    {
        try
        {
            // The pattern must stand on its own: "x)|(.*" would otherwise close the group below and
            // leave an unanchored alternative that matches anything.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            // The whole alias must match, which is what "the alias must satisfy this expression" means
            // to a person; the group keeps alternatives such as "a|ab" under both anchors.
            return new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw new MessagingProviderException(ErrorIds.InvalidAliasPattern, ErrorKind.InvalidArgument,
                $"'{pattern}' is not a valid .NET regular expression: {e.Message}", pattern, e);
        }
    }

    /// <summary>True when the match covers the alias from its first to its last character.</summary>
    public static bool MatchesWhole(Regex pattern, string alias)
    {
        Match match = pattern.Match(alias);
        return match.Success && match.Index == 0 && match.Length == alias.Length;
    }

    public static IReadOnlyList<string> Validate(string alias, int? maximumLength, string? pattern)
    {
        var reasons = new List<string>();
        if (string.IsNullOrEmpty(alias))
        {
            reasons.Add("The alias is empty.");
            return reasons;
        }

        if (maximumLength.HasValue && alias.Length > maximumLength.Value)
        {
            reasons.Add($"It is {alias.Length} characters long; the maximum is {maximumLength.Value}.");
        }

        if (!string.IsNullOrEmpty(pattern))
        {
            try
            {
                if (!MatchesWhole(CompilePattern(pattern!), alias))
                {
                    reasons.Add($"It does not match the alias pattern '{pattern}'.");
                }
            }
            catch (RegexMatchTimeoutException)
            {
                reasons.Add($"The alias pattern '{pattern}' took longer than {PatternTimeout.TotalSeconds:0} second to evaluate; simplify the pattern.");
            }
        }

        reasons.AddRange(LocalPartProblems(alias));
        return reasons;
    }

    public static IEnumerable<string> LocalPartProblems(string alias)
    {
        if (alias.Length > SmtpLocalPartMaximum)
        {
            yield return $"It is not a valid SMTP local part: longer than {SmtpLocalPartMaximum} characters.";
        }

        if (alias.StartsWith(".", StringComparison.Ordinal) || alias.EndsWith(".", StringComparison.Ordinal))
        {
            yield return "It is not a valid SMTP local part: it starts or ends with a period.";
        }

        if (alias.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            yield return "It is not a valid SMTP local part: it has two periods in a row.";
        }

        var invalid = new SortedSet<char>();
        foreach (char c in alias)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || AtextSymbols.IndexOf(c) >= 0;
            if (!ok) invalid.Add(c);
        }

        if (invalid.Count > 0)
        {
            yield return $"It is not a valid SMTP local part: it contains {Describe(invalid)}.";
        }
    }

    private static string Describe(IEnumerable<char> characters)
    {
        var parts = new List<string>();
        foreach (char c in characters)
        {
            parts.Add(c == ' ' ? "a space" : char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'");
        }

        return string.Join(", ", parts);
    }
}
