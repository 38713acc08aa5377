using System.Management.Automation;
using System.Security;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// The app registration and the server-certificate rules Set-SmtpServer and Set-EntraSmtpClient
/// share (a <see cref="ParameterGroups"/> holder); only given parameters change anything.
/// </summary>
internal sealed class AppAndCertificateParameters
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter]
    public SecureString? ClientSecret { get; set; }

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public string[]? CertificateThumbprint { get; set; }
}
