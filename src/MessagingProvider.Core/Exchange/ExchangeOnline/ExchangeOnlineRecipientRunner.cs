using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Exchange.Remoting;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// The mail-enabled object commands through Exchange Online's REST admin API. There is one
/// endpoint and no failover, so a create is never repeated and needs no existence check.
/// </summary>
public sealed class ExchangeOnlineRecipientRunner : IRecipientCommandRunner
{
    private readonly IExchangeCommandRunner _runner;
    private readonly Uri _endpoint;
    private readonly IDisposable? _owned;

    /// <param name="owned">Disposed with this runner (the HTTP client of <paramref name="runner"/>).</param>
    public ExchangeOnlineRecipientRunner(IExchangeCommandRunner runner, Uri endpoint, IDisposable? owned = null)
    {
        _runner = runner;
        _endpoint = endpoint;
        _owned = owned;
    }

    public string Location => $"Exchange Online ({_endpoint})";

    public async Task<ExchangeRunResult> RunAsync(ExchangeCommand command, FailoverCheck? failoverCheck, object? target, CancellationToken cancellationToken)
    {
        var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, object?> parameter in command.Parameters) parameters[parameter.Key] = parameter.Value;
        IReadOnlyList<PSObject> output = await _runner.InvokeAsync(command.Name, parameters, cancellationToken).ConfigureAwait(false);
        return new ExchangeRunResult(_endpoint.Host, output, Array.Empty<ErrorRecord>());
    }

    public void Dispose() => _owned?.Dispose();

    // Cancellation ends the request in flight; there is no session to drop.
    public void Abandon() => Dispose();
}
