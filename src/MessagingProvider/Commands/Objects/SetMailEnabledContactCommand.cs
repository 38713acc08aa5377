using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Changes the common settings of mail-enabled contacts (Exchange: Set-MailContact).</summary>
[Cmdlet(VerbsCommon.Set, "MailEnabledContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class SetMailEnabledContactCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly SettingsParameters _settings = new SettingsParameters();

    /// <summary>The contact, piped by property name from Get-MailEnabledContact or Import-Csv.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected override IReadOnlyList<object> SharedParameters => new object[] { _settings };

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        Change(MailEnabledObjectKind.Contact, Identity, _settings.ToSettings(), _settings.PassThru);
    }
}
