using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Takes the mail attributes away from contacts and keeps the directory object.</summary>
[Cmdlet(VerbsLifecycle.Disable, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class DisableMailEnabledContactCommand : RemoveMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Contact;

    protected override bool Disable => true;
}
