using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.MailAccounts;

namespace MessagingProvider.Commands;

/// <summary>
/// Removes domains from the provider-domains lookup. Accounts already set up keep their server:
/// they store it themselves, the lookup only finds it when an account is created.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "EmailProviderDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveEmailProviderDomainCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Domain { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string domain in Domain)
        {
            TryRun(() =>
            {
                ProviderDomainChanges.Find(Store.Get(IdentityStore).Mail, domain);
                if (!ShouldProcess($"{domain} ({IdentityStore})", "Remove email provider domain")) return;
                Store.Update(IdentityStore, d => ProviderDomainChanges.Remove(d.Mail, domain), CancellationToken);
                WriteVerbose($"Removed the email provider domain '{domain}' from '{IdentityStore}'.");
            });
        }
    }
}
