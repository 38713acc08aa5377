using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Smtp;

namespace MessagingProvider.Commands;

/// <summary>
/// Stores the Microsoft Entra ID SMTP client of an identity store: the app registration and the
/// smart host. Parameters not given keep their stored values; any change disables the client
/// until a new test passes, and a new tenant, app or sign-in host also drops the mailbox sign-in.
/// </summary>
[Cmdlet(VerbsCommon.Set, "EntraSmtpClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class SetEntraSmtpClientCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly AppAndCertificateParameters _app = new AppAndCertificateParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _app };

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? SmartHost { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? AuthorityHost { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        var given = MyInvocation.BoundParameters;
        var change = new EntraSmtpClientChange
        {
            TenantId = TenantId,
            ClientId = _app.ClientId,
            ClientSecret = _app.ClientSecret,
            SmartHost = SmartHost,
            Port = given.ContainsKey(nameof(Port)) ? Port : null,
            AuthorityHost = AuthorityHost,
            SkipCertificateCheck = given.ContainsKey(nameof(_app.SkipCertificateCheck)) ? _app.SkipCertificateCheck.IsPresent : null,
            CertificateThumbprints = _app.CertificateThumbprint,
        };
        if (!ShouldProcess(IdentityStore, "Set the Microsoft Entra ID SMTP client")) return;
        TryRun(() =>
        {
            EntraSmtpClientChangeResult edit = null!;
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => edit = EntraSmtpClientChanges.Apply(d, change, Store.Secrets), CancellationToken);
            EntraSmtpClientSettings settings = edit.Settings;
            string cachePath = Store.TokenCachePath(updated.Name);
            // Without a recorded sign-in a cache file can only be a stale one (previous app, or a removed store's).
            if (settings.MailboxUser is null && Store.DeleteTokenCache(updated.Name, CancellationToken)) WriteVerbose($"Removed the mailbox sign-in cache '{cachePath}'.");
            WriteVerbose($"Entra ID SMTP client of '{updated.Name}': tenant {settings.TenantId}, app {settings.ClientId}, smart host {settings.SmartHost}:{settings.Port} ({settings.Security}), sign-in at {settings.AuthorityHost}.");
            string changed = string.Join(", ", edit.Changed);
            if (edit.WasEnabled)
            {
                WriteWarning($"The Entra ID SMTP client of '{updated.Name}' is now disabled because {changed} changed. Send a test message with Send-EntraSmtpTestMessage, then run Enable-EntraSmtpClient.");
            }
            else if (edit.Changed.Count > 0)
            {
                WriteVerbose($"Changed: {changed}. The client stays disabled until a test message with these settings succeeded and Enable-EntraSmtpClient ran.");
            }
            else
            {
                WriteVerbose("Nothing changed.");
            }

            if (edit.DiscardedMailbox is not null)
            {
                WriteWarning($"The sign-in of {edit.DiscardedMailbox} belonged to the previous tenant, app or sign-in host and was removed. Run Connect-EntraSmtpMailbox -IdentityStore '{updated.Name}' to sign in again.");
            }

            if (settings.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(settings.SmartHost));
            if (PassThru) WriteObject(EntraSmtpClientInfo.Create(updated.Name, settings, cachePath));
        });
    }
}
