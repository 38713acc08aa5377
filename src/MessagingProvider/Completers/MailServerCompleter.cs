using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes mail server names from the identity store already on the command line.</summary>
public sealed class MailServerCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        StoredListCompletion.Complete(fakeBoundParameters, wordToComplete,
            document => document.Mail.Servers,
            server => server.Name,
            server => $"{server.Name} ({server.ServiceType}, {server.ServiceAddress})");
}
