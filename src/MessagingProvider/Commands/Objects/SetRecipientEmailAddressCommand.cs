using System;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets a recipient's EmailAddresses the way the connector exports them: non-SMTP and
/// excluded-domain addresses stay, the given SMTP addresses replace the managed ones, the
/// primary goes last with an uppercase SMTP: prefix.
/// </summary>
[Cmdlet(VerbsCommon.Set, "RecipientEmailAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EmailAddressUpdate))]
public sealed class SetRecipientEmailAddressCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    /// <summary>The SMTP addresses the recipient should have (bare, smtp: or SMTP:).</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Document(IdentityStore);
            IMailEnabledObjectProvider provider = ProviderFor(document);
            EmailAddressUpdate update = provider.SetEmailAddresses(Identity, EmailAddress, PrimarySmtpAddress,
                u => ShouldProcess(Identity, $"Set EmailAddresses to {string.Join(", ", u.EmailAddresses)}"),
                CancellationToken);
            if (!update.Changed) WriteVerbose($"'{Identity}' already has exactly these addresses; nothing was sent.");
            WriteObject(update);
        });
    }
}
