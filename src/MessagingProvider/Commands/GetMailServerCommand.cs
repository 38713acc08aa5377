using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Lists an identity store's mail servers; secrets are shown masked.</summary>
[Cmdlet(VerbsCommon.Get, "MailServer")]
[OutputType(typeof(MailServerInfo))]
public sealed class GetMailServerCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    [Alias("MailServer")]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "*";

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            if (!WildcardPattern.ContainsWildcardCharacters(Name)) MailServerCatalog.Find(document.Mail, Name);
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (MailServerEntry server in document.Mail.Servers.Where(s => pattern.IsMatch(s.Name)))
            {
                WriteObject(MailServerInfo.From(document.Name, server));
            }
        });
    }
}
