using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Base of every cmdlet: owns the cancellation that Ctrl+C (StopProcessing) triggers, the async
/// bridge to Core (<see cref="RunAsync{T}"/>, <see cref="Streams"/>), opens the configuration
/// store, and turns core failures into error records.
/// </summary>
public abstract class MessagingProviderCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
    private ConfigurationStore? _store;
    private PipelineBridge? _bridge;
    private ParameterGroups? _groups;

    protected CancellationToken CancellationToken => _cancellation.Token;

    protected ConfigurationStore Store
    {
        get
        {
            if (_store is null)
            {
                _store = ConfigurationStore.OpenDefault();
                Streams.Verbose($"Configuration directory: {_store.DirectoryPath}"); // first use may be inside RunAsync work
            }

            return _store;
        }
    }

    /// <summary>
    /// Holders of the parameters this cmdlet shares with others (see <see cref="ParameterGroups"/>).
    /// A cmdlet that has some also declares IDynamicParameters, which <see cref="GetDynamicParameters"/>
    /// implements, and calls <see cref="BindSharedParameters"/> first in each ProcessRecord. Holders
    /// that are IDisposable are disposed with the cmdlet.
    /// </summary>
    protected virtual IReadOnlyList<object> SharedParameters => Array.Empty<object>();

    public object GetDynamicParameters() => (_groups ??= new ParameterGroups(SharedParameters)).Parameters;

    /// <summary>Copies this record's values of the shared parameters onto their holders.</summary>
    protected void BindSharedParameters() => _groups?.Assign();

    /// <summary>Verbose, warning, debug, information and progress for Core use cases, from any thread.</summary>
    protected IOperationSink Streams => Bridge;

    private PipelineBridge Bridge => _bridge ??= new PipelineBridge(this);

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Runs a Core async operation to its end with this command's cancellation; everything it
    /// reports reaches the pipeline as it happens (see <see cref="PipelineBridge"/>).
    /// </summary>
    protected T RunAsync<T>(Func<IOperationSink, CancellationToken, Task<T>> work) =>
        Bridge.Run(token => work(Bridge, token), CancellationToken);

    /// <summary>As <see cref="RunAsync{T}"/> for work without a result.</summary>
    protected void RunAsync(Func<IOperationSink, CancellationToken, Task> work) =>
        Bridge.Run(async token =>
        {
            await work(Bridge, token).ConfigureAwait(false);
            return true;
        }, CancellationToken);

    /// <summary>ShouldProcess that work running in <see cref="RunAsync{T}"/> may call from its thread.</summary>
    protected bool ShouldProcessFromWork(string target, string action) => Bridge.ShouldProcess(target, action);

    /// <summary>WriteObject that work running in <see cref="RunAsync{T}"/> may call from its thread.</summary>
    protected void WriteObjectFromWork(object item) => Bridge.Output(item);

    /// <summary>WriteError that work running in <see cref="RunAsync{T}"/> may call from its thread.</summary>
    protected void WriteErrorFromWork(ErrorRecord record) => Bridge.Error(record);

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

    /// <summary>Runs work that returns, rather than throws, the failure no retry mends, and stops the command on it.</summary>
    protected void RunOrStop(Func<MessagingProviderException?> work)
    {
        MessagingProviderException? fatal = null;
        TryRun(() => fatal = work());
        if (fatal is not null) ThrowCoreError(fatal);
    }

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
        if (!disposing) return;
        foreach (object holder in SharedParameters) (holder as IDisposable)?.Dispose();
        _cancellation.Dispose();
    }
}
