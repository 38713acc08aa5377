using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Lists an identity store's mail accounts; passwords are shown masked.</summary>
[Cmdlet(VerbsCommon.Get, "MailAccount")]
[OutputType(typeof(MailAccountInfo))]
public sealed class GetMailAccountCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = "*";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string MailServer { get; set; } = "*";

    protected override void ProcessRecord() => WriteFromStore(document =>
    {
        if (!WildcardPattern.ContainsWildcardCharacters(EmailAddress)) MailAccountChanges.Find(document.Mail, EmailAddress);
        var address = new WildcardPattern(EmailAddress, WildcardOptions.IgnoreCase);
        var server = new WildcardPattern(MailServer, WildcardOptions.IgnoreCase);
        return document.Mail.Accounts.Where(a => address.IsMatch(a.EmailAddress) && server.IsMatch(a.MailServer))
            .Select(account => MailAccountInfo.From(document.Name, account));
    });
}
