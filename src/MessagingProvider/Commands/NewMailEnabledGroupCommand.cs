using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail-enabled distribution groups (Exchange: New-DistributionGroup).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledGroupCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationalUnit { get; set; }

    protected override void ProcessRecord() => Provision(new MailEnabledObjectRequest
    {
        Kind = MailEnabledObjectKind.Group,
        Mode = MailEnabledObjectMode.New,
        Identity = Name,
        Name = Name,
        Alias = Alias,
        SamAccountName = SamAccountName,
        DisplayName = DisplayName,
        OrganizationalUnit = OrganizationalUnit,
    });
}
