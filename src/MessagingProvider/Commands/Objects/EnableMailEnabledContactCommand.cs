using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory contacts (Exchange: Enable-MailContact).</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledContactCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly EnableObjectParameters _object = new EnableObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";
    private readonly ContactParameters _contact = new ContactParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address, _contact };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.Contact, request => request.Identity = Identity);
}
