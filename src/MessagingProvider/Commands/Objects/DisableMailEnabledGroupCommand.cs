using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Takes the mail attributes away from groups and keeps the directory object.</summary>
[Cmdlet(VerbsLifecycle.Disable, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MailEnabledObjectRemoval))]
public sealed class DisableMailEnabledGroupCommand : MailEnabledObjectCmdlet
{
    /// <summary>The object, piped by property name from Get-MailEnabledGroup or Import-Csv.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected override void ProcessRecord() => Remove(MailEnabledObjectKind.Group, Identity, disable: true);
}
