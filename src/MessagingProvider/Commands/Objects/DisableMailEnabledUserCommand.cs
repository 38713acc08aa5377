using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Takes the mail attributes away from users and keeps the directory object.</summary>
[Cmdlet(VerbsLifecycle.Disable, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class DisableMailEnabledUserCommand : RemoveMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.User;

    protected override bool Disable => true;
}
