using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Creates a mail server: the service, what it is used for, how accounts log in and, for IMAP/SMTP, the protocol endpoints.</summary>
[Cmdlet(VerbsCommon.New, "MailServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MailServerInfo))]
public sealed class NewMailServerCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly MailServerParameters _settings = new MailServerParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _settings };

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    public MailServiceType ServiceType { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        TryRun(() =>
        {
            if (!ShouldProcess($"{Name} ({IdentityStore})", $"Create {ServiceType} mail server")) return;
            MailServerEntry created = new MailServerEntry();
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => created = MailServerChanges.Create(d.Mail, Name, _settings.Definition(ServiceType, MyInvocation.BoundParameters), Store.Secrets), CancellationToken);
            WriteVerbose($"Created the {created.ServiceType} mail server '{created.Name}' ({created.ServiceAddress}) in '{updated.Name}'.");
            if (EwsRetirement.Warning(created) is { } ews) WriteWarning(ews);
            WriteObject(MailServerInfo.From(updated.Name, created));
        });
    }
}
