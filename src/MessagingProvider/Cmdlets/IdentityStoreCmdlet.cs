using System;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>A cmdlet that works on one named identity store, bound from the pipeline by property name.</summary>
public abstract class IdentityStoreCmdlet : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string IdentityStore { get; set; } = "";

    /// <summary>
    /// Reads the identity store and writes what <paramref name="select"/> picks from it. A core
    /// failure (no such store, an exact name that is not there) becomes this record's error.
    /// </summary>
    protected void WriteFromStore(Func<IdentityStoreDocument, IEnumerable<object>> select)
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            foreach (object item in select(document)) WriteObject(item);
        });
    }
}
