using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using MessagingProvider.Configuration;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes -IdentityStore with the stored identity-store names.</summary>
internal sealed class IdentityStoreCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        WildcardPattern pattern = CompletionText.StartsWith(wordToComplete);
        foreach (IdentityStoreDocument document in ConfigurationStore.OpenDefault().List(onError: _ => { }))
        {
            if (!pattern.IsMatch(document.Name)) continue;
            yield return CompletionText.Entry(document.Name, $"{document.Name} ({document.Messaging.Provider})");
        }
    }
}
