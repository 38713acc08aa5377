using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Configuration.Portable;

namespace MessagingProvider.Commands;

/// <summary>
/// Lists the settings in which an export file and a stored identity store differ, secrets masked:
/// the drift check for job servers that should hold the same store. Writes nothing when they match.
/// </summary>
[Cmdlet(VerbsData.Compare, "IdentityStore")]
[OutputType(typeof(StoreDifference))]
public sealed class CompareIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The stored store to compare with; the name in the file when not given.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public SecureString? Password { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string path = ResolveFilePath(Path);
            IdentityStoreDocument fromFile = StoreFileReader.Read(path, Password);
            IdentityStoreDocument stored = Store.Get(Name ?? fromFile.Name);
            foreach (StoreDifference difference in StoreComparer.Compare(fromFile, stored, Store.Secrets)) WriteObject(difference);
        });
    }
}
