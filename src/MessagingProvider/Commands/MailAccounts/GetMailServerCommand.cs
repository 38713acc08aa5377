using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
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

    protected override void ProcessRecord() => WriteFromStore(document =>
    {
        if (!WildcardPattern.ContainsWildcardCharacters(Name)) MailServerChanges.Find(document.Mail, Name);
        var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        return document.Mail.Servers.Where(s => pattern.IsMatch(s.Name)).Select(server => MailServerInfo.From(document.Name, server));
    });
}
