using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The group parameters of New- and Enable-MailEnabledGroup: the group type and its owners.</summary>
internal sealed class GroupParameters : IMailEnabledObjectParameters
{
    /// <summary>Distribution (the default) or Security (a mail-enabled security group, Exchange New-DistributionGroup -Type).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public GroupType? Type { get; set; }

    /// <summary>The owners (Exchange -ManagedBy: names, aliases, addresses or distinguished names of mailbox users).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? ManagedBy { get; set; }

    public void Check()
    {
    }

    public void AddTo(MailEnabledObjectRequest request)
    {
        request.GroupType = Type;
        request.ManagedBy = ManagedBy;
    }
}
