using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Mail-enables existing directory contacts (Exchange: Enable-MailContact).</summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledContactCommand : EnableMailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Mail")]
    [ValidateNotNullOrEmpty]
    public string ExternalEmailAddress { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    /// <summary>The primary address to give instead of alias@domain; checked like the generated one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks.</summary>
    [Parameter]
    public SwitchParameter SkipAddressCheck { get; set; }

    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Contact;

    protected override void CheckInput()
    {
        EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress));
        if (PrimarySmtpAddress is not null) EmailAddressSyntax.Require(PrimarySmtpAddress, nameof(PrimarySmtpAddress));
    }

    protected override void AddDetails(MailEnabledObjectRequest request)
    {
        request.ExternalEmailAddress = ExternalEmailAddress.Trim();
        request.GivenName = GivenName;
        request.Surname = Surname;
        request.PrimarySmtpAddress = PrimarySmtpAddress?.Trim();
        request.SkipAddressCheck = SkipAddressCheck;
    }
}
