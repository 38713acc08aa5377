using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Commands.Completers;

/// <summary>Completes mail server names from the identity store already on the command line.</summary>
internal sealed class MailServerCompleter : StoredNameCompleter
{
    protected override IEnumerable<(string Name, string ToolTip)> Names(IdentityStoreDocument document) =>
        document.Mail.Servers.Select(s => (s.Name, $"{s.Name} ({s.ServiceType}, {s.ServiceAddress})"));
}
