using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail contacts (Exchange: New-MailContact).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledContactCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly NewObjectParameters _object = new NewObjectParameters();
    private readonly AddressParameters _address = new AddressParameters();
    private readonly ContactParameters _contact = new ContactParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _object, _address, _contact };

    protected override void ProcessRecord() => Provision(MailEnabledObjectKind.Contact);
}
