using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The mail server settings New-MailServer and Set-MailServer share (a <see cref="ParameterGroups"/> holder); only given parameters count.</summary>
internal sealed class MailServerParameters
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ServiceAddress { get; set; }

    [Parameter]
    public SwitchParameter Receive { get; set; }

    [Parameter]
    public SwitchParameter Send { get; set; }

    [Parameter]
    public MailLoginFormat LoginFormat { get; set; }

    [Parameter]
    public MailAuthentication Authentication { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ImapHost { get; set; }

    [Parameter]
    [ValidateRange(1, 65535)]
    public int ImapPort { get; set; }

    [Parameter]
    public MailTlsMode ImapTls { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SmtpHost { get; set; }

    [Parameter]
    [ValidateRange(1, 65535)]
    public int SmtpPort { get; set; }

    [Parameter]
    public MailTlsMode SmtpTls { get; set; }

    public MailServerDefinition Definition(MailServiceType? serviceType, IDictionary<string, object> bound)
    {
        bool Given(string name) => bound.ContainsKey(name);
        return new MailServerDefinition
        {
            ServiceType = serviceType,
            ServiceAddress = ServiceAddress,
            Receive = Given(nameof(Receive)) ? Receive.IsPresent : null,
            Send = Given(nameof(Send)) ? Send.IsPresent : null,
            LoginFormat = Given(nameof(LoginFormat)) ? LoginFormat : null,
            Authentication = Given(nameof(Authentication)) ? Authentication : null,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ImapHost = ImapHost,
            ImapPort = Given(nameof(ImapPort)) ? ImapPort : null,
            ImapTls = Given(nameof(ImapTls)) ? ImapTls : null,
            SmtpHost = SmtpHost,
            SmtpPort = Given(nameof(SmtpPort)) ? SmtpPort : null,
            SmtpTls = Given(nameof(SmtpTls)) ? SmtpTls : null,
        };
    }
}
