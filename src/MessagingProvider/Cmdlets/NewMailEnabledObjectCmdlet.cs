using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>Base of the New-MailEnabled* cmdlets: creates a directory object named by -Name.</summary>
public abstract class NewMailEnabledObjectCmdlet : MailEnabledObjectProvisionCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationalUnit { get; set; }

    protected override MailEnabledObjectRequest NewRequest() => new MailEnabledObjectRequest
    {
        Kind = Kind,
        Mode = MailEnabledObjectMode.New,
        Identity = Name,
        Name = Name,
        Alias = Alias,
        DisplayName = DisplayName,
        OrganizationalUnit = OrganizationalUnit,
    };
}
