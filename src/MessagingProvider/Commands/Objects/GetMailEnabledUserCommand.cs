using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Reads mail-enabled users (Exchange: Get-Recipient of mailboxes, remote mailboxes and mail users; Google: users).</summary>
[Cmdlet(VerbsCommon.Get, "MailEnabledUser", DefaultParameterSetName = "Name")]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class GetMailEnabledUserCommand : GetMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.User;
}
