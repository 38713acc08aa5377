using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail-enabled distribution groups (Exchange: New-DistributionGroup).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledGroupCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly NewObjectParameters _object = new NewObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();
    private readonly GroupParameters _group = new GroupParameters();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address, _group };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.Group, request => request.SamAccountName = SamAccountName);
}
