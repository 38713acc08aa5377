using System.Management.Automation;
using MessagingProvider.Commands.Completers;

namespace MessagingProvider.Commands.Infrastructure;

/// <summary>A cmdlet that works on one named identity store, bound from the pipeline by property name.</summary>
public abstract class IdentityStoreCmdlet : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string IdentityStore { get; set; } = "";
}
