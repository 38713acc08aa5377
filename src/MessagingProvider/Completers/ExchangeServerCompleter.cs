using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes -Server with the Exchange servers of the identity store already on the command line.</summary>
internal sealed class ExchangeServerCompleter : StoredNameCompleter
{
    protected override IEnumerable<(string Name, string ToolTip)> Names(IdentityStoreDocument document) =>
        (document.Messaging.Exchange?.Servers ?? new List<ExchangeServerEntry>()).Select(s => (s.Name, $"{s.Name} (priority {s.Priority}, {s.Status})"));
}
