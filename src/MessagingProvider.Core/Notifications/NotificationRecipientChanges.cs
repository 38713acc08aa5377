using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Notifications;

public enum RecipientKind
{
    To,
    Cc,
}

/// <summary>Adds and removes the identity store's fixed To/Cc recipients.</summary>
public static class NotificationRecipientChanges
{
    /// <summary>Adds addresses not yet present (in either list); returns what was added.</summary>
    public static IReadOnlyList<(RecipientKind Kind, string Address)> Add(NotificationSettings settings, IReadOnlyList<string> to, IReadOnlyList<string> cc, Action<string>? verbose)
    {
        var added = new List<(RecipientKind, string)>();
        AddTo(settings.To, RecipientKind.To, to);
        AddTo(settings.Cc, RecipientKind.Cc, cc);
        return added;

        void AddTo(List<string> list, RecipientKind kind, IReadOnlyList<string> addresses)
        {
            foreach (string address in addresses)
            {
                if (Contains(settings.To, address) || Contains(settings.Cc, address))
                {
                    verbose?.Invoke($"{address} is already a recipient; ignored.");
                    continue;
                }

                list.Add(address);
                added.Add((kind, address));
            }
        }
    }

    /// <summary>Removes the addresses; returns the ones that were not there.</summary>
    public static IReadOnlyList<string> Remove(NotificationSettings settings, IReadOnlyList<string> to, IReadOnlyList<string> cc)
    {
        var missing = new List<string>();
        foreach (string address in to) if (settings.To.RemoveAll(a => Same(a, address)) == 0) missing.Add(address);
        foreach (string address in cc) if (settings.Cc.RemoveAll(a => Same(a, address)) == 0) missing.Add(address);
        return missing;
    }

    private static bool Contains(List<string> list, string address) => list.Any(a => Same(a, address));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
