using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Reads mail-enabled groups (Exchange: Get-Recipient of the distribution and mail-enabled security groups; Google: groups).</summary>
[Cmdlet(VerbsCommon.Get, "MailEnabledGroup", DefaultParameterSetName = "Name")]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class GetMailEnabledGroupCommand : GetMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Group;
}
