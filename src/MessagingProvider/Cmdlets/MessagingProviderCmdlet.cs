using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of every cmdlet: owns the cancellation that Ctrl+C (StopProcessing) triggers, opens the
/// configuration store, and turns core failures into error records.
/// </summary>
public abstract class MessagingProviderCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
    private ConfigurationStore? _store;

    protected CancellationToken CancellationToken => _cancellation.Token;

    protected ConfigurationStore Store
    {
        get
        {
            if (_store is null)
            {
                _store = ConfigurationStore.OpenDefault();
                WriteVerbose($"Configuration directory: {_store.DirectoryPath}");
            }

            return _store;
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Runs one unit of work for one input record. A core failure becomes a non-terminating
    /// error for that record, so -ErrorAction decides what happens next.
    /// </summary>
    protected bool TryRun(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (MessagingProviderException e)
        {
            WriteError(ErrorRecords.From(e));
            return false;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Writes <paramref name="project"/> of each identity store a name matches. A wildcard that
    /// matches nothing is silent; an exact name that does not exist is an error, as with Get-Item.
    /// </summary>
    protected void WriteMatchingStores(IEnumerable<string> names, Func<IdentityStoreDocument, object> project)
    {
        foreach (string name in names)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name))
            {
                TryRun(() => WriteObject(project(Store.Get(name))));
                continue;
            }

            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            foreach (IdentityStoreDocument document in Store.List(e => WriteError(ErrorRecords.From(e))))
            {
                if (pattern.IsMatch(document.Name)) WriteObject(project(document));
            }
        }
    }

    /// <summary>For failures after which the command cannot go on.</summary>
    protected void ThrowCoreError(MessagingProviderException exception) => ThrowTerminatingError(ErrorRecords.From(exception));

    /// <summary>The parameters the user gave, without PowerShell's common parameters.</summary>
    protected IList<string> GivenParameters()
    {
        var names = new List<string>();
        foreach (string name in MyInvocation.BoundParameters.Keys)
        {
            if (!CommonParameters.Contains(name) && !OptionalCommonParameters.Contains(name)) names.Add(name);
        }

        return names;
    }

    /// <summary>Resolves a file path the PowerShell way (relative to $PWD, provider paths).</summary>
    protected string ResolveFilePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _cancellation.Dispose();
    }
}
