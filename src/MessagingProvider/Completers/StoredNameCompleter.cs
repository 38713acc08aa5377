using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Commands.Completers;

/// <summary>
/// Completes a parameter with names stored in the identity store already on the command line
/// (-IdentityStore); completes nothing while that store is not given or cannot be read.
/// </summary>
internal abstract class StoredNameCompleter : IArgumentCompleter
{
    /// <summary>Every name the store holds for the parameter, with the tooltip to show for it.</summary>
    protected abstract IEnumerable<(string Name, string ToolTip)> Names(IdentityStoreDocument document);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (!(fakeBoundParameters["IdentityStore"] is string store) || store.Length == 0) return new List<CompletionResult>();

        IdentityStoreDocument document;
        try
        {
            document = ConfigurationStore.OpenDefault().Get(store);
        }
        catch (MessagingProviderException)
        {
            return new List<CompletionResult>();
        }

        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return Names(document)
            .Where(n => pattern.IsMatch(n.Name))
            .Select(n => new CompletionResult(CompletionText.Quote(n.Name), n.Name, CompletionResultType.ParameterValue, n.ToolTip))
            .ToList();
    }
}
