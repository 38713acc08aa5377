using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Removes mail-enabled contacts (the object is deleted).</summary>
[Cmdlet(VerbsCommon.Remove, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class RemoveMailEnabledContactCommand : RemoveMailEnabledObjectCmdlet
{
    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Contact;

    protected override bool Disable => false;
}
