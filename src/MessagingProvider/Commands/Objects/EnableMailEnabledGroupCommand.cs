using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory groups (Exchange: Enable-DistributionGroup), e.g. piped from Get-ADGroup.</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledGroupCommand : EnableMailEnabledObjectCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Group;

    protected override void AddDetails(MailEnabledObjectRequest request) => request.SamAccountName = SamAccountName;
}
