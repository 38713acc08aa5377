using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Smtp;

namespace MessagingProvider.Commands;

/// <summary>
/// Stores the SMTP server notifications go through. Parameters not given keep their stored
/// values; changing -Authentication drops the secrets of the previous mode.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SmtpServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmtpServerInfo))]
public sealed class SetSmtpServerCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly AppAndCertificateParameters _app = new AppAndCertificateParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _app };

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Server { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SmtpSecurity Security { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SmtpAuthentication Authentication { get; set; }

    /// <summary>Basic: the SMTP account. OAuth2: the mailbox for the password grant (omit for app-only).</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? TokenEndpoint { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        var given = MyInvocation.BoundParameters;
        var change = new SmtpServerChange
        {
            Server = Server,
            Port = given.ContainsKey(nameof(Port)) ? Port : null,
            From = From,
            Security = given.ContainsKey(nameof(Security)) ? Security : null,
            Authentication = given.ContainsKey(nameof(Authentication)) ? Authentication : null,
            UserName = Credential?.UserName,
            Password = Credential?.Password,
            TokenEndpoint = TokenEndpoint,
            ClientId = _app.ClientId,
            ClientSecret = _app.ClientSecret,
            Scope = Scope,
            SkipCertificateCheck = given.ContainsKey(nameof(_app.SkipCertificateCheck)) ? _app.SkipCertificateCheck.IsPresent : null,
            CertificateThumbprints = _app.CertificateThumbprint,
        };
        if (!ShouldProcess(IdentityStore, "Set the SMTP server")) return;
        TryRun(() =>
        {
            IdentityStoreDocument updated = Store.Update(IdentityStore,
                d => d.Smtp = SmtpServerChanges.Apply(d.Smtp, change, Store.Secrets), CancellationToken);
            SmtpSettings smtp = updated.Smtp!;
            WriteVerbose($"SMTP server of '{updated.Name}': {smtp.Server}:{smtp.Port}, {smtp.Security}, {smtp.Authentication}, from {smtp.From}.");
            if (smtp.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(smtp.Server));
            if (SmtpTransportSecurity.PlainTextWarning(smtp.Security, smtp.Authentication, smtp.Server, smtp.Port) is { } plainText) WriteWarning(plainText);
            if (SmtpPlatformWarnings.BasicToExchangeOnline(smtp) is { } basic) WriteWarning(basic);
            if (SmtpPlatformWarnings.PasswordGrant(smtp) is { } passwordGrant) WriteWarning(passwordGrant);
            if (PassThru) WriteObject(SmtpServerInfo.Create(updated.Name, smtp));
        });
    }
}
