using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail-enabled distribution groups (Exchange: New-DistributionGroup).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledGroupCommand : NewMailEnabledObjectCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Group;

    protected override void AddDetails(MailEnabledObjectRequest request) => request.SamAccountName = SamAccountName;
}
