using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Changes the common settings of mail-enabled users (Exchange: Set-MailUser, Set-Mailbox or Set-RemoteMailbox by its type).</summary>
[Cmdlet(VerbsCommon.Set, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class SetMailEnabledUserCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly SettingsParameters _settings = new SettingsParameters();

    /// <summary>The user, piped by property name from Get-MailEnabledUser or Import-Csv.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected override IReadOnlyList<object> SharedParameters => new object[] { _settings };

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        Change(MailEnabledObjectKind.User, Identity, _settings.ToSettings(), _settings.PassThru);
    }
}
