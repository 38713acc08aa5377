using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes mail server names from the identity store already on the command line.</summary>
public sealed class MailServerCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
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

        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (MailServerEntry server in document.Mail.Servers)
        {
            if (pattern.IsMatch(server.Name))
            {
                results.Add(new CompletionResult(CompletionText.Quote(server.Name), server.Name, CompletionResultType.ParameterValue,
                    $"{server.Name} ({server.ServiceType}, {server.ServiceAddress})"));
            }
        }

        return results;
    }
}
