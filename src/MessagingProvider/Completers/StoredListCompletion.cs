using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes the names of a list kept in the identity store that -IdentityStore names on the command line.</summary>
internal static class StoredListCompletion
{
    /// <summary>Nothing when no identity store is given yet or it cannot be read: completion must never fail.</summary>
    public static IEnumerable<CompletionResult> Complete<T>(IDictionary fakeBoundParameters, string wordToComplete,
        Func<IdentityStoreDocument, IEnumerable<T>> list, Func<T, string> name, Func<T, string> toolTip)
    {
        var results = new List<CompletionResult>();
        if (!(fakeBoundParameters["IdentityStore"] is string store) || store.Length == 0) return results;

        IdentityStoreDocument document;
        try
        {
            document = ConfigurationStore.OpenDefault().Get(store);
        }
        catch (MessagingProviderException)
        {
            return results;
        }

        WildcardPattern pattern = CompletionText.StartsWith(wordToComplete);
        foreach (T entry in list(document))
        {
            if (pattern.IsMatch(name(entry))) results.Add(CompletionText.Result(name(entry), toolTip(entry)));
        }

        return results;
    }
}
