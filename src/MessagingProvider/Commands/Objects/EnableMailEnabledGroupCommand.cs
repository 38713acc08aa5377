using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory groups (Exchange: Enable-DistributionGroup), e.g. piped from Get-ADGroup.</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledGroupCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly EnableObjectParameters _object = new EnableObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();
    private readonly GroupParameters _group = new GroupParameters();

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address, _group };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.Group, request =>
    {
        request.Identity = Identity;
        request.SamAccountName = SamAccountName;
    });
}
