using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Reads mail-enabled contacts (Exchange: Get-Recipient of mail contacts).</summary>
[Cmdlet(VerbsCommon.Get, "MailEnabledContact", DefaultParameterSetName = "Name")]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class GetMailEnabledContactCommand : GetMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Contact;
}
