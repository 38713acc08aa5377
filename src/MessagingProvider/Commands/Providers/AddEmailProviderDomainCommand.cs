using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Maps email domains to a mail server, so that accounts in them find their server by themselves.</summary>
[Cmdlet(VerbsCommon.Add, "EmailProviderDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(EmailProviderDomainInfo))]
public sealed class AddEmailProviderDomainCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Domain { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string MailServer { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string domain in Domain)
        {
            TryRun(() =>
            {
                if (!ShouldProcess($"{domain} ({IdentityStore})", $"Map email domain to mail server '{MailServer}'")) return;
                EmailProviderDomainEntry added = new EmailProviderDomainEntry();
                IdentityStoreDocument updated = Store.Update(IdentityStore, d => added = ProviderDomainChanges.Add(d.Mail, domain, MailServer), CancellationToken);
                WriteVerbose($"Mapped '{added.Domain}' to the mail server '{added.MailServer}' in '{updated.Name}'.");
                if (PassThru) WriteObject(EmailProviderDomainInfo.From(updated.Name, added));
            });
        }
    }
}
