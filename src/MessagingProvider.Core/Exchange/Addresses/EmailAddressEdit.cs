using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Exchange.Addresses;

/// <summary>
/// Exchange's -EmailAddresses @{Add=…; Remove=…}: the current collection with addresses added and
/// removed, and nothing else replaced. The managed SMTP addresses that result go through the
/// export (<see cref="EmailAddressExport"/>), so the collection has the same shape as a full set:
/// non-SMTP and excluded-domain addresses unchanged, secondaries smtp:, the one primary SMTP: last.
/// </summary>
public static class EmailAddressEdit
{
    /// <param name="add">Bare or smtp: addresses become secondaries; one marked SMTP: becomes the primary.</param>
    /// <param name="remove">SMTP addresses (bare or prefixed), or whole non-SMTP entries (X500:…).</param>
    /// <param name="primary">A new primary address (added when missing); the old one stays as a secondary.</param>
    public static EmailAddressUpdate Compute(IEnumerable<string>? current, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, IReadOnlyCollection<string>? excludedDomains)
    {
        var excluded = (IReadOnlyCollection<string>?)excludedDomains ?? Array.Empty<string>();
        var currentList = (current ?? Array.Empty<string>()).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        var removeSmtp = remove.Where(EmailAddressExport.IsSmtp).Select(Bare).ToList();
        var removeOther = remove.Where(r => !EmailAddressExport.IsSmtp(r)).Select(r => r.Trim()).ToList();

        string? currentPrimary = currentList.Where(e => e.StartsWith("SMTP:", StringComparison.Ordinal)).Select(Bare).FirstOrDefault();
        string? markedPrimary = add.Where(a => a.Trim().StartsWith("SMTP:", StringComparison.Ordinal)).Select(Bare).LastOrDefault();
        string? chosen = primary is not null ? Bare(primary) : markedPrimary ?? currentPrimary;
        if (chosen is null || removeSmtp.Contains(chosen, StringComparer.OrdinalIgnoreCase))
        {
            throw new MessagingProviderException(ErrorIds.InvalidEmailAddresses, ErrorKind.InvalidArgument,
                $"The primary address {(chosen ?? "(none)")} would be removed; give the new primary with -PrimarySmtpAddress.", chosen);
        }

        var desired = new List<string>();
        foreach (string entry in currentList.Where(e => EmailAddressExport.IsSmtp(e) && !EmailAddressExport.IsExcluded(Bare(e), excluded)))
        {
            if (!removeSmtp.Contains(Bare(entry), StringComparer.OrdinalIgnoreCase)) desired.Add(Bare(entry));
        }

        desired.AddRange(add.Select(Bare));
        EmailAddressUpdate update = EmailAddressExport.Compute(currentList, desired, chosen, excluded);
        if (removeOther.Count > 0)
        {
            update.Kept = update.Kept.Where(k => !removeOther.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
            update.Removed = update.Removed.Concat(currentList.Where(e => removeOther.Contains(e, StringComparer.OrdinalIgnoreCase))).ToArray();
            update.EmailAddresses = update.EmailAddresses.Where(e => !removeOther.Contains(e, StringComparer.OrdinalIgnoreCase)).ToArray();
            update.Changed = !update.EmailAddresses.SequenceEqual(currentList, StringComparer.Ordinal);
        }

        return update;
    }

    /// <summary>The addresses of <paramref name="update"/> that <paramref name="current"/> does not have: what the address checks look at.</summary>
    public static IReadOnlyList<string> NewAddresses(IEnumerable<string> current, EmailAddressUpdate update)
    {
        var had = current.Where(EmailAddressExport.IsSmtp).Select(Bare).ToList();
        return update.EmailAddresses.Where(EmailAddressExport.IsSmtp).Select(Bare).Where(a => !had.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private static string Bare(string entry)
    {
        string trimmed = entry.Trim();
        return trimmed.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? trimmed.Substring(5).Trim() : trimmed;
    }
}
