using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Changes the common settings of mail-enabled groups (Exchange: Set-DistributionGroup; Google: groups.patch).</summary>
[Cmdlet(VerbsCommon.Set, "MailEnabledGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class SetMailEnabledGroupCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly SettingsParameters _settings = new SettingsParameters();

    /// <summary>The group, piped by property name from Get-MailEnabledGroup or Import-Csv.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    /// <summary>The owners; replaces the current ones.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? ManagedBy { get; set; }

    [Parameter]
    public MemberRestriction? MemberJoinRestriction { get; set; }

    [Parameter]
    public MemberRestriction? MemberDepartRestriction { get; set; }

    protected override IReadOnlyList<object> SharedParameters => new object[] { _settings };

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        MailEnabledObjectSettings settings = _settings.ToSettings();
        settings.ManagedBy = ManagedBy;
        settings.MemberJoinRestriction = MemberJoinRestriction;
        settings.MemberDepartRestriction = MemberDepartRestriction;
        Change(MailEnabledObjectKind.Group, Identity, settings, _settings.PassThru);
    }
}
