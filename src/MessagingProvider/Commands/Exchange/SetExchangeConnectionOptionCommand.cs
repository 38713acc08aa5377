using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Remoting;

namespace MessagingProvider.Commands;

/// <summary>Changes how the module reaches an identity store's Exchange servers: timeouts, failover cool-down, certificate checks, ports.</summary>
[Cmdlet(VerbsCommon.Set, "ExchangeConnectionOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ExchangeConnectionOptions))]
public sealed class SetExchangeConnectionOptionCommand : IdentityStoreCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 3600)]
    public int OpenTimeoutSeconds { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 86400)]
    public int OperationTimeoutSeconds { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, 86400)]
    public int FailoverCooldownSeconds { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter SkipCertificateNameCheck { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int HttpPort { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int HttpsPort { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateCount(1, 16)]
    [ValidateRange(1, 65535)]
    public int[]? ProbePort { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 300)]
    public int ProbeTimeoutSeconds { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(IdentityStore, "Set Exchange connection options " + string.Join(", ", GivenParameters()))) return;
        TryRun(() =>
        {
            var given = MyInvocation.BoundParameters;
            IdentityStoreDocument updated = Store.Update(IdentityStore, d =>
            {
                ExchangeConnectionOptions o = ExchangeProviderGuard.Require(d).Connection;
                if (given.ContainsKey(nameof(OpenTimeoutSeconds))) o.OpenTimeoutSeconds = OpenTimeoutSeconds;
                if (given.ContainsKey(nameof(OperationTimeoutSeconds))) o.OperationTimeoutSeconds = OperationTimeoutSeconds;
                if (given.ContainsKey(nameof(FailoverCooldownSeconds))) o.FailoverCooldownSeconds = FailoverCooldownSeconds;
                if (given.ContainsKey(nameof(SkipCertificateCheck))) o.SkipCertificateCheck = SkipCertificateCheck.IsPresent;
                if (given.ContainsKey(nameof(SkipCertificateNameCheck))) o.SkipCertificateNameCheck = SkipCertificateNameCheck.IsPresent;
                if (given.ContainsKey(nameof(HttpPort))) o.HttpPort = HttpPort;
                if (given.ContainsKey(nameof(HttpsPort))) o.HttpsPort = HttpsPort;
                if (ProbePort is not null) o.ProbePorts = new System.Collections.Generic.List<int>(ProbePort);
                if (given.ContainsKey(nameof(ProbeTimeoutSeconds))) o.ProbeTimeoutSeconds = ProbeTimeoutSeconds;
            }, CancellationToken);
            WriteVerbose($"Identity store '{IdentityStore}': Exchange connection options updated.");
            if (ExchangeTransportSecurity.CertificateWarning(updated.Messaging.Exchange!.Connection) is { } warning) WriteWarning(warning);
            if (PassThru) WriteObject(updated.Messaging.Exchange!.Connection);
        });
    }
}
