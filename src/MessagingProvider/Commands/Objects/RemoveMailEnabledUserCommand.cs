using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Removes mail-enabled users (the object is deleted).</summary>
[Cmdlet(VerbsCommon.Remove, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class RemoveMailEnabledUserCommand : RemoveMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.User;

    protected override bool Disable => false;
}
