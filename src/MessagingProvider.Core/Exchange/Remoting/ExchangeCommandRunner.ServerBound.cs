using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.Remoting;

public sealed partial class ExchangeCommandRunner : IServerBoundCommandRunner
{
    /// <summary>Runs <paramref name="command"/> in the session kept for <paramref name="server"/> (the one that just ran the create); never on another server.</summary>
    public async Task<ExchangeRunResult> RunOnAsync(string server, ExchangeCommand command, object? target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var watch = Stopwatch.StartNew();
        ExchangeSession session = SessionFor(server);
        ExchangeRunResult result;
        try
        {
            result = await session.InvokeAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeConnectionException e)
        {
            _verbose($"Exchange server '{server}': connection failed after {watch.ElapsedMilliseconds} ms: {e.Message}. {command.Name} is not sent to another server.");
            ServerCooldown.MarkFailed(_scope, server, e.Message, System.DateTimeOffset.UtcNow);
            DropSession(server, abandon: true);
            throw new MessagingProviderException(ErrorIds.ExchangeServersUnavailable, ErrorKind.ConnectionError,
                $"Exchange server '{server}' of identity store '{_identityStore}' could not run {command.Name}: {e.Message}. It must run there, where the object was just created.",
                target ?? _identityStore, e);
        }

        _verbose($"Exchange server '{server}': {command} {(result.Errors.Count == 0 ? "succeeded" : $"ran and Exchange reported {result.Errors.Count} error(s)")} ({watch.ElapsedMilliseconds} ms).");
        ExchangeCommandFailure.ThrowIfFailed(result, command, target);
        return result;
    }
}
