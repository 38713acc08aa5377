using System.Management.Automation;
using MessagingProvider.Cloud;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Signs in to an identity store's cloud provider and makes one cheap call: Office 365
/// (Microsoft Entra ID app-only token, then Get-AcceptedDomain through Exchange Online's REST
/// admin API) or Google Workspace (delegated service-account token, then the administrator in
/// the Directory API). Reports Online, or Offline with the reason; the test itself succeeding
/// or not is the output, so an Offline result is not an error.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MessagingProviderConnection")]
[OutputType(typeof(ProviderConnectionInfo))]
public sealed class TestMessagingProviderConnectionCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            var progress = new ProgressRecord(1, "Test-MessagingProviderConnection", $"Signing in to the {document.Messaging.Provider} provider of '{IdentityStore}'");
            WriteProgress(progress);
            ProviderConnectionInfo result = RunAsync((streams, token) =>
                ProviderConnectionTest.CheckAsync(document, Store.Secrets, null, streams.Verbose, token));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteVerbose($"Identity store '{IdentityStore}': {result.Provider} is {result.Status}.");
            WriteObject(result);
        });
    }
}
