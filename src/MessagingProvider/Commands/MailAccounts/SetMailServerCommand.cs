using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Changes the given settings of a mail server; the others stay as stored.</summary>
[Cmdlet(VerbsCommon.Set, "MailServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailServerInfo))]
public sealed class SetMailServerCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly MailServerParameters _settings = new MailServerParameters();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _settings };

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("MailServer")]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter]
    public MailServiceType ServiceType { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        TryRun(() =>
        {
            MailServerChanges.Find(Store.Get(IdentityStore).Mail, Name);
            if (!ShouldProcess($"{Name} ({IdentityStore})", "Change mail server settings " + string.Join(", ", GivenParameters()))) return;
            MailServiceType? type = MyInvocation.BoundParameters.ContainsKey(nameof(ServiceType)) ? ServiceType : null;
            MailServerEntry changed = new MailServerEntry();
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => changed = MailServerChanges.Update(d.Mail, Name, _settings.Definition(type, MyInvocation.BoundParameters), Store.Secrets), CancellationToken);
            WriteVerbose($"Changed the mail server '{changed.Name}' in '{updated.Name}'.");
            if (PassThru) WriteObject(MailServerInfo.From(updated.Name, changed));
        });
    }
}
