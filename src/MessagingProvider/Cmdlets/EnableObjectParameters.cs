using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// The parameters every Enable-MailEnabled* cmdlet shares. -Identity itself is declared on each
/// cmdlet: as a dynamic parameter it would lose to -IdentityStore, whose name it begins.
/// </summary>
internal sealed class EnableObjectParameters : IMailEnabledObjectParameters
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

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
        request.Mode = MailEnabledObjectMode.Enable;
        request.Alias = Alias;
        request.HiddenFromAddressListsEnabled = HiddenFromAddressListsEnabled;
        request.Name = Name;
    }
}
