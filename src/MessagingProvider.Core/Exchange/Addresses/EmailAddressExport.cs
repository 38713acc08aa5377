using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Exchange.Addresses;

/// <summary>
/// The connector's EmailAddresses export, step by step: (1) take the current collection, (2) start
/// an empty one, (3) keep every non-SMTP address (X500:, X400:, SIP:, EUM:…) unchanged, (4) keep
/// the SMTP addresses in excluded domains, (5) add the desired addresses, secondaries as smtp: and
/// the one primary as SMTP:, the primary last. Duplicates are dropped case-insensitively.
/// </summary>
public static class EmailAddressExport
{
    private const string SmtpPrefix = "smtp:";

    /// <param name="current">The object's EmailAddresses now (Exchange form, prefixed).</param>
    /// <param name="desired">The SMTP addresses it should have: bare, smtp: or SMTP: (the uppercase one is the primary).</param>
    /// <param name="primary">The primary address; when null, the desired entry marked SMTP: or else the last one (the connector's convention).</param>
    /// <param name="excludedDomains">Domains whose SMTP addresses are left alone and may not be desired.</param>
    public static EmailAddressUpdate Compute(IEnumerable<string>? current, IEnumerable<string> desired, string? primary, IEnumerable<string>? excludedDomains)
    {
        var excluded = (excludedDomains ?? Array.Empty<string>()).Select(d => d.Trim().TrimEnd('.')).Where(d => d.Length > 0).ToList();
        var currentList = (current ?? Array.Empty<string>()).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        var problems = new List<string>();

        // Desired addresses: strip the prefix, remember which were marked primary.
        var wanted = new List<string>();
        var markedPrimary = new List<string>();
        foreach (string raw in desired ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            string entry = raw.Trim();
            string address = entry;
            int colon = entry.IndexOf(':');
            if (colon >= 0)
            {
                string prefix = entry.Substring(0, colon + 1);
                if (!string.Equals(prefix, SmtpPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"'{entry}' is not an SMTP address; only SMTP addresses can be desired (non-SMTP addresses are kept as they are).");
                    continue;
                }

                address = entry.Substring(colon + 1).Trim();
                if (prefix == "SMTP:") markedPrimary.Add(address);
            }

            wanted.Add(address);
        }

        string? chosen = primary?.Trim();
        if (chosen is not null && chosen.StartsWith(SmtpPrefix, StringComparison.OrdinalIgnoreCase)) chosen = chosen.Substring(SmtpPrefix.Length).Trim();
        var distinctMarked = markedPrimary.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinctMarked.Count > 1)
        {
            problems.Add($"There is more than one primary address ({string.Join(", ", distinctMarked.Select(a => "SMTP:" + a))}); mark exactly one with an uppercase SMTP: prefix.");
        }
        else if (chosen is not null && distinctMarked.Count == 1 && !string.Equals(distinctMarked[0], chosen, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The primary address is '{chosen}' but '{"SMTP:" + distinctMarked[0]}' is also marked primary; give one primary address.");
        }

        chosen ??= distinctMarked.Count == 1 ? distinctMarked[0] : wanted.LastOrDefault();
        if (chosen is null)
        {
            problems.Add("No address was given: the object needs exactly one primary SMTP address.");
        }
        else if (!wanted.Contains(chosen, StringComparer.OrdinalIgnoreCase))
        {
            wanted.Add(chosen);
        }

        foreach (string address in wanted.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!EmailAddressSyntax.IsValid(address))
            {
                problems.Add($"'{address}' is not a valid SMTP address.");
            }
            else if (IsExcluded(address, excluded))
            {
                problems.Add($"'{address}' is in an excluded SMTP domain; addresses there are left alone, so they cannot be set. Remove it, or remove its domain with Set-MessagingProvider -ExcludedSmtpDomain.");
            }
        }

        if (problems.Count > 0)
        {
            throw new MessagingProviderException(problems.All(p => p.Contains("excluded SMTP domain")) ? ErrorIds.ExcludedDomainAddress : ErrorIds.InvalidEmailAddresses,
                ErrorKind.InvalidArgument, "The email addresses cannot be used: " + string.Join(" ", problems), string.Join(", ", wanted));
        }

        // Steps 2-4: the kept addresses, unchanged (an excluded-domain primary is demoted: the desired primary replaces it).
        var result = new List<string>();
        var kept = new List<string>();
        var removed = new List<string>();
        foreach (string entry in currentList)
        {
            if (!IsSmtp(entry))
            {
                kept.Add(entry);
            }
            else if (IsExcluded(AddressOf(entry), excluded))
            {
                kept.Add(entry.StartsWith("SMTP:", StringComparison.Ordinal) ? SmtpPrefix + AddressOf(entry) : entry);
            }
            else if (!wanted.Contains(AddressOf(entry), StringComparer.OrdinalIgnoreCase))
            {
                removed.Add(AddressOf(entry));
            }
        }

        AddDistinct(result, kept);

        // Step 5: secondaries, then the primary last.
        AddDistinct(result, wanted.Where(a => !string.Equals(a, chosen, StringComparison.OrdinalIgnoreCase)).Select(a => SmtpPrefix + a));
        AddDistinct(result, new[] { "SMTP:" + chosen });

        return new EmailAddressUpdate
        {
            EmailAddresses = result.ToArray(),
            PrimarySmtpAddress = chosen!,
            Kept = kept.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            Removed = removed.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            Changed = !result.SequenceEqual(currentList, StringComparer.Ordinal),
        };
    }

    public static bool IsSmtp(string entry)
    {
        int colon = entry.IndexOf(':');
        return colon < 0 || string.Equals(entry.Substring(0, colon + 1), SmtpPrefix, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsExcluded(string address, IReadOnlyCollection<string> excludedDomains)
    {
        int at = address.LastIndexOf('@');
        if (at < 0) return false;
        string domain = address.Substring(at + 1);
        return excludedDomains.Any(d => string.Equals(domain, d, StringComparison.OrdinalIgnoreCase) ||
                                        domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }

    private static string AddressOf(string entry)
    {
        int colon = entry.IndexOf(':');
        return colon < 0 ? entry : entry.Substring(colon + 1);
    }

    /// <summary>Adds entries whose address (prefix type and value, ignoring case) is not there yet; a primary and a secondary of one address count as one.</summary>
    private static void AddDistinct(List<string> target, IEnumerable<string> entries)
    {
        foreach (string entry in entries)
        {
            bool duplicate = target.Any(t => string.Equals(t, entry, StringComparison.OrdinalIgnoreCase));
            if (!duplicate) target.Add(entry);
        }
    }
}
