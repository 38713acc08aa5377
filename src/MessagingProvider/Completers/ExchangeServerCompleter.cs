using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MessagingProvider.Configuration;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes -Server with the Exchange servers of the identity store already on the command line.</summary>
public sealed class ExchangeServerCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        StoredListCompletion.Complete(fakeBoundParameters, wordToComplete,
            document => document.Messaging.Exchange?.Servers ?? Enumerable.Empty<ExchangeServerEntry>(),
            server => server.Name,
            server => $"{server.Name} (priority {server.Priority}, {server.Status})");
}
