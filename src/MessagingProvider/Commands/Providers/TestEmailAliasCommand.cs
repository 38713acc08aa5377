using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Commands;

/// <summary>The "Validate" button: checks aliases against the identity store's provider rules.</summary>
[Cmdlet(VerbsDiagnostic.Test, "EmailAlias")]
[OutputType(typeof(EmailAliasTestResult))]
public sealed class TestEmailAliasCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string[] Alias { get; set; } = System.Array.Empty<string>();

    private AliasPolicy? _policy;
    private string? _policyStore;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            if (_policy is null || _policyStore != IdentityStore)
            {
                _policy = AliasPolicy.For(Store.Get(IdentityStore).Messaging);
                _policyStore = IdentityStore;
            }

            foreach (string alias in Alias)
            {
                EmailAliasTestResult result = _policy.Test(IdentityStore, alias);
                if (!result.IsValid) WriteVerbose($"'{alias}': {string.Join(" ", result.Reasons)}");
                WriteObject(result);
            }
        });
    }
}
