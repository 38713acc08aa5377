using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Takes the mail attributes away from groups and keeps the directory object.</summary>
[Cmdlet(VerbsLifecycle.Disable, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class DisableMailEnabledGroupCommand : RemoveMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Group;

    protected override bool Disable => true;
}
