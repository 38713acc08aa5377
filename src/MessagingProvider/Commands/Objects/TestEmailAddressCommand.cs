using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Checks addresses against the organisation before they are used: an accepted domain, and not
/// held by any recipient, alias or proxy address. The accepted domains are read once per command.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EmailAddress")]
[OutputType(typeof(EmailAddressCheck))]
public sealed class TestEmailAddressCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PrimarySmtpAddress", "Mail")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = System.Array.Empty<string>();

    private PipelineProgress? _progress;

    protected override void ProcessRecord()
    {
        _progress ??= new PipelineProgress(WriteProgress, "Test-EmailAddress");
        foreach (string address in EmailAddress)
        {
            _progress.Next(address);
            TryRun(() =>
            {
                IMailEnabledObjectProvider provider = ProviderFor(Document(IdentityStore));
                EmailAddressCheck check = RunAsync((streams, token) => provider.Addresses.CheckAsync(address, token));
                if (!check.IsAvailable) WriteVerbose($"{check.EmailAddress}: {string.Join(" ", check.Reasons)}");
                WriteObject(check);
            });
        }
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }
}
