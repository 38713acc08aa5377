using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The parameters of every New-MailEnabled* cmdlet: the new object's names and place.</summary>
internal sealed class NewObjectParameters : IMailEnabledObjectParameters
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationalUnit { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    /// <summary>Hides the object from the address lists (Exchange: a Set- right after, on the server that made it; Google groups: the Groups Settings API).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter HiddenFromAddressListsEnabled { get; set; }

    public void Check()
    {
    }

    public void AddTo(MailEnabledObjectRequest request)
    {
        request.Mode = MailEnabledObjectMode.New;
        request.Identity = Name;
        request.Name = Name;
        request.Alias = Alias;
        request.HiddenFromAddressListsEnabled = HiddenFromAddressListsEnabled;
        request.DisplayName = DisplayName;
        request.OrganizationalUnit = OrganizationalUnit;
    }
}
