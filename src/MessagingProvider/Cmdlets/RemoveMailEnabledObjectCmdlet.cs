using System.Management.Automation;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of Remove- and Disable-MailEnabledGroup, -User and -Contact: for each -Identity (piped by
/// property name from Get-MailEnabled* or Import-Csv) the object is read, confirmed, and removed
/// or disabled; where the provider fails over, a server lost after the command is never followed
/// by the command again unless a read shows it was not done.
/// </summary>
public abstract class RemoveMailEnabledObjectCmdlet : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    protected abstract MailEnabledObjectKind Kind { get; }

    /// <summary>True: take the mail attributes away and keep the directory object (Disable-*).</summary>
    protected abstract bool Disable { get; }

    private PipelineProgress? _progress;

    protected override void ProcessRecord()
    {
        string verb = Disable ? "Disable" : "Remove";
        _progress ??= new PipelineProgress(WriteProgress, $"{verb}-MailEnabled{Kind}");
        _progress.Next(Identity);
        TryRun(() =>
        {
            IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
            MailEnabledObjectRemoval? done = provider.Remove(Kind, Identity, Disable, what => ShouldProcess(Identity, what), CancellationToken);
            if (done is null) return;
            WriteVerbose($"'{Identity}': {done.Command} {(done.CompletedBeforeFailover ? "had been done by a server that dropped before answering; it was not sent again" : "done")}{(done.Server is null ? "" : " (server " + done.Server + ")")}.");
            WriteObject(done);
        });
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }
}
