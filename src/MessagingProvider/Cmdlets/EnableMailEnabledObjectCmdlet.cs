using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>Base of the Enable-MailEnabled* cmdlets: mail-enables an existing directory object named by -Identity.</summary>
public abstract class EnableMailEnabledObjectCmdlet : MailEnabledObjectProvisionCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    protected override MailEnabledObjectRequest NewRequest() => new MailEnabledObjectRequest
    {
        Kind = Kind,
        Mode = MailEnabledObjectMode.Enable,
        Identity = Identity,
        Alias = Alias,
        Name = Name,
    };
}
