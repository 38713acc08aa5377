using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>Reads mail-enabled users (Exchange: Get-Recipient of mailboxes, remote mailboxes and mail users; Google: users).</summary>
[Cmdlet(VerbsCommon.Get, "MailEnabledUser", DefaultParameterSetName = ObjectQueryParameters.ByName)]
[OutputType(typeof(MailEnabledObjectInfo))]
public sealed class GetMailEnabledUserCommand : MailEnabledObjectCmdlet, IDynamicParameters
{
    private readonly ObjectQueryParameters _query = new ObjectQueryParameters();

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ObjectQueryParameters.ByIdentity, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected override IReadOnlyList<object> SharedParameters => new object[] { _query };

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        Find(() => _query.ToQuery(MailEnabledObjectKind.User, ParameterSetName, Identity));
    }
}
