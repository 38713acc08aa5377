using System.Management.Automation;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The parameters of New- and Enable-MailEnabledContact: where the contact's mail goes.</summary>
internal sealed class ContactParameters : IMailEnabledObjectParameters
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Mail")]
    [ValidateNotNullOrEmpty]
    public string ExternalEmailAddress { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    public void Check() => EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress));

    public void AddTo(MailEnabledObjectRequest request)
    {
        request.ExternalEmailAddress = ExternalEmailAddress.Trim();
        request.GivenName = GivenName;
        request.Surname = Surname;
    }
}
