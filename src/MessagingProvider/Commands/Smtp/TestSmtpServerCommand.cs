using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Output;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Commands;

/// <summary>
/// Troubleshoots an SMTP server stage by stage (DNS, TCP, TLS, EHLO, AUTH, and with -To a real
/// test message), for a stored identity store or ad hoc without storing anything. -Verbose shows
/// the SMTP dialogue with every secret redacted.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SmtpServer", DefaultParameterSetName = StoredSet)]
[OutputType(typeof(SmtpServerTestResult))]
public sealed class TestSmtpServerCommand : MessagingProviderCmdlet
{
    private const string StoredSet = "IdentityStore";
    private const string AdHocSet = "AdHoc";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = StoredSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string IdentityStore { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = AdHocSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Server { get; set; } = "";

    [Parameter(ParameterSetName = AdHocSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    [Parameter(ParameterSetName = AdHocSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    [Parameter(ParameterSetName = AdHocSet)]
    public SmtpAuthentication Authentication { get; set; } = SmtpAuthentication.CurrentUser;

    [Parameter(ParameterSetName = AdHocSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public string? TokenEndpoint { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public SecureString? ClientSecret { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public string? Scope { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(ParameterSetName = AdHocSet)]
    public string[]? CertificateThumbprint { get; set; }

    /// <summary>Send a real test message to these recipients (arrays or "a@x; b@y").</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[]? To { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var to = RecipientAddresses.Parse(To, "To").Select(MailboxAddress.Parse).ToList();
            SmtpEndpoint endpoint = ParameterSetName == StoredSet ? Stored() : AdHoc();
            endpoint.Timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            if (endpoint.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(endpoint.Server));
            if (SmtpTransportSecurity.PlainTextWarning(endpoint.Security, endpoint.Authentication, endpoint.Server, endpoint.Port) is { } plainText) WriteWarning(plainText);
            if (to.Count > 0 && string.IsNullOrEmpty(endpoint.From))
            {
                throw new MessagingProviderException(ErrorIds.SmtpSettingsIncomplete, ErrorKind.InvalidArgument,
                    "Sending a test message needs a sender: give -From.", null);
            }

            WriteVerbose($"Testing {endpoint.Server}:{endpoint.Port} ({endpoint.Security}, {endpoint.Authentication}).");
            string? identityStore = ParameterSetName == StoredSet ? IdentityStore : null;
            SmtpServerTestResult result = RunAsync((streams, token) =>
                new SmtpServerTester(endpoint, line => streams.Verbose("SMTP " + line), streams.Verbose).RunAsync(to, identityStore, token));
            WriteObject(result);
            if (!result.Succeeded)
            {
                MessagingProviderException failure = TestFailureKind.Error(result.ErrorId, $"{result.FailedStage}", result.Reason ?? "", $"{endpoint.Server}:{endpoint.Port}");
                WriteError(ErrorRecords.From(failure));
            }
        });
    }

    private SmtpEndpoint Stored()
    {
        IdentityStoreDocument document = Store.Get(IdentityStore);
        return SmtpEndpoint.FromSettings(SmtpServerChanges.Require(document), Store.Secrets);
    }

    private SmtpEndpoint AdHoc() => new SmtpEndpoint
    {
        Server = Server,
        Port = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : SmtpServerChanges.DefaultPort(Security),
        From = From ?? "",
        Security = Security,
        Authentication = Authentication,
        Credential = Credential is null ? null : new NetworkCredential(Credential.UserName, Credential.Password),
        TokenEndpoint = TokenEndpoint,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scope = Scope,
        SkipCertificateCheck = SkipCertificateCheck,
        CertificateThumbprints = (CertificateThumbprint ?? Array.Empty<string>()).ToList(),
    };
}
