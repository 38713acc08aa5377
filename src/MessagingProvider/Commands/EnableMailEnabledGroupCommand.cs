using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory groups (Exchange: Enable-DistributionGroup), e.g. piped from Get-ADGroup.</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledGroupCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    protected override void ProcessRecord() => Provision(new MailEnabledObjectRequest
    {
        Kind = MailEnabledObjectKind.Group,
        Mode = MailEnabledObjectMode.Enable,
        Identity = Identity,
        Alias = Alias,
        SamAccountName = SamAccountName,
        Name = Name,
    });
}
