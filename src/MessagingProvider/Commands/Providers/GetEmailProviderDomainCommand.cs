using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Lists the provider-domains lookup of an identity store.</summary>
[Cmdlet(VerbsCommon.Get, "EmailProviderDomain")]
[OutputType(typeof(EmailProviderDomainInfo))]
public sealed class GetEmailProviderDomainCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Domain { get; set; } = "*";

    [Parameter]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string MailServer { get; set; } = "*";

    protected override void ProcessRecord() => WriteFromStore(document =>
    {
        if (!WildcardPattern.ContainsWildcardCharacters(Domain)) ProviderDomainChanges.Find(document.Mail, Domain);
        var domain = new WildcardPattern(Domain.TrimEnd('.'), WildcardOptions.IgnoreCase);
        var server = new WildcardPattern(MailServer, WildcardOptions.IgnoreCase);
        return document.Mail.ProviderDomains.Where(d => domain.IsMatch(d.Domain) && server.IsMatch(d.MailServer))
            .Select(entry => EmailProviderDomainInfo.From(document.Name, entry));
    });
}
