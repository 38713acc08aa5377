using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Creates new mail-enabled distribution groups (Exchange: New-DistributionGroup).</summary>
[Cmdlet(VerbsCommon.New, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class NewMailEnabledGroupCommand : NewMailEnabledObjectCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    /// <summary>The primary address to give instead of alias@domain; checked like the generated one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks.</summary>
    [Parameter]
    public SwitchParameter SkipAddressCheck { get; set; }

    protected override MailEnabledObjectKind Kind => MailEnabledObjectKind.Group;

    protected override void CheckInput()
    {
        if (PrimarySmtpAddress is not null) EmailAddressSyntax.Require(PrimarySmtpAddress, nameof(PrimarySmtpAddress));
    }

    protected override void AddDetails(MailEnabledObjectRequest request)
    {
        request.SamAccountName = SamAccountName;
        request.PrimarySmtpAddress = PrimarySmtpAddress?.Trim();
        request.SkipAddressCheck = SkipAddressCheck;
    }
}
