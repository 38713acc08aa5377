using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The settings every Set-MailEnabled* cmdlet changes, and -PassThru.</summary>
internal sealed class SettingsParameters
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    /// <summary>Exchange: hides the recipient from the address lists (GAL).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool? HiddenFromAddressListsEnabled { get; set; }

    /// <summary>Exchange: accepts mail only from authenticated (internal) senders.</summary>
    [Parameter]
    public bool? RequireSenderAuthenticationEnabled { get; set; }

    /// <summary>Writes the object as read after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    public MailEnabledObjectSettings ToSettings() => new MailEnabledObjectSettings
    {
        DisplayName = DisplayName,
        HiddenFromAddressListsEnabled = HiddenFromAddressListsEnabled,
        RequireSenderAuthenticationEnabled = RequireSenderAuthenticationEnabled,
    };
}
