using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

[Cmdlet(VerbsCommon.Get, "IdentityStore")]
[OutputType(typeof(IdentityStoreInfo))]
public sealed class GetIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                foreach (IdentityStoreDocument document in Store.List(e => WriteError(ErrorRecords.From(e))))
                {
                    if (pattern.IsMatch(document.Name)) WriteObject(IdentityStoreInfo.From(document, Store.PathOf(document.Name)));
                }
            }
            else
            {
                TryRun(() => WriteObject(IdentityStoreInfo.From(Store.Get(name), Store.PathOf(name))));
            }
        }
    }
}
