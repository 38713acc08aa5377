using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail contacts (Exchange: New-MailContact).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledContactCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

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
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationalUnit { get; set; }

    protected override void ProcessRecord()
    {
        if (!TryRun(() => EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress)))) return;
        Provision(new MailEnabledObjectRequest
        {
            Kind = MailEnabledObjectKind.Contact,
            Mode = MailEnabledObjectMode.New,
            Identity = Name,
            Name = Name,
            ExternalEmailAddress = ExternalEmailAddress.Trim(),
            Alias = Alias,
            GivenName = GivenName,
            Surname = Surname,
            DisplayName = DisplayName,
            OrganizationalUnit = OrganizationalUnit,
        });
    }
}
