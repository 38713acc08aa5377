using System.Management.Automation;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of the New- and Enable-MailEnabled* cmdlets: -Alias, and for each pipeline record one
/// request (what the base of New or Enable fills in, then what the cmdlet adds) that is provisioned.
/// </summary>
public abstract class MailEnabledObjectProvisionCmdlet : MailEnabledObjectCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    protected abstract MailEnabledObjectKind Kind { get; }

    /// <summary>Checks the cmdlet's own input before the store is read; a failure skips the record.</summary>
    protected virtual void CheckInput()
    {
    }

    /// <summary>The request with the mode and the parameters every cmdlet of that verb has.</summary>
    protected abstract MailEnabledObjectRequest NewRequest();

    /// <summary>Copies the parameters only this cmdlet has into the request.</summary>
    protected abstract void AddDetails(MailEnabledObjectRequest request);

    protected override void ProcessRecord()
    {
        if (!TryRun(CheckInput)) return;
        MailEnabledObjectRequest request = NewRequest();
        AddDetails(request);
        Provision(request);
    }
}
