using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory contacts (Exchange: Enable-MailContact).</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledContactCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Mail")]
    [ValidateNotNullOrEmpty]
    public string ExternalEmailAddress { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        if (!TryRun(() => EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress)))) return;
        Provision(new MailEnabledObjectRequest
        {
            Kind = MailEnabledObjectKind.Contact,
            Mode = MailEnabledObjectMode.Enable,
            Identity = Identity,
            ExternalEmailAddress = ExternalEmailAddress.Trim(),
            Alias = Alias,
            GivenName = GivenName,
            Surname = Surname,
            Name = Name,
        });
    }
}
