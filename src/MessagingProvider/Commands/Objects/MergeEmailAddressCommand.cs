using System;
using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Exchange.Addresses;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Computes, without contacting anything, the EmailAddresses collection the connector's export
/// produces from a current collection and the desired SMTP addresses.
/// </summary>
[Cmdlet(VerbsData.Merge, "EmailAddress")]
[OutputType(typeof(EmailAddressUpdate))]
public sealed class MergeEmailAddressCommand : MessagingProviderCmdlet
{
    /// <summary>The object's current EmailAddresses (e.g. piped from Get-Recipient).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddresses")]
    [AllowEmptyCollection]
    [AllowNull]
    public string[]? CurrentAddress { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public string[]? ExcludedSmtpDomain { get; set; }

    /// <summary>Takes the excluded SMTP domains from this identity store (Exchange provider).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string? IdentityStore { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string[] excluded = ExcludedSmtpDomain ?? Array.Empty<string>();
            if (IdentityStore is not null)
            {
                var settings = Exchange.ExchangeProviderGuard.Require(Store.Get(IdentityStore));
                excluded = ExcludedSmtpDomain is null ? settings.ExcludedSmtpDomains.ToArray() : excluded;
            }

            EmailAddressUpdate update = EmailAddressExport.Compute(CurrentAddress, EmailAddress, PrimarySmtpAddress, excluded);
            update.Identity = Identity;
            WriteObject(update);
        });
    }
}
