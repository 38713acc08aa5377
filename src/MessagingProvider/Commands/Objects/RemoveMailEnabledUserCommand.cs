using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Removes mail-enabled users (the object is deleted).</summary>
[Cmdlet(VerbsCommon.Remove, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class RemoveMailEnabledUserCommand : MailEnabledObjectCmdlet
{
    /// <summary>The object, piped by property name from Get-MailEnabledUser or Import-Csv.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected override void ProcessRecord() => Remove(MailEnabledObjectKind.User, Identity, disable: false);
}
