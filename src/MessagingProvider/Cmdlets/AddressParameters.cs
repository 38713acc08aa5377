using System.Management.Automation;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The address parameters of every New- and Enable-MailEnabled* cmdlet: the primary address and the checks before it is used.</summary>
internal sealed class AddressParameters : IMailEnabledObjectParameters
{
    /// <summary>The primary address to give instead of alias@domain; checked like the generated one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks.</summary>
    [Parameter]
    public SwitchParameter SkipAddressCheck { get; set; }

    public void Check()
    {
        if (PrimarySmtpAddress is not null) EmailAddressSyntax.Require(PrimarySmtpAddress, nameof(PrimarySmtpAddress));
    }

    public void AddTo(MailEnabledObjectRequest request)
    {
        request.PrimarySmtpAddress = PrimarySmtpAddress?.Trim();
        request.SkipAddressCheck = SkipAddressCheck;
    }
}
