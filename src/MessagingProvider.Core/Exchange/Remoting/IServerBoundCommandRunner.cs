using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// A runner with several servers that can run a command on one named server, without failing
/// over: a Set- that completes a create must go where the object is known to exist, because the
/// next server's domain controller may not have it yet.
/// </summary>
public interface IServerBoundCommandRunner
{
    /// <summary>Runs <paramref name="command"/> on <paramref name="server"/> only; an error Exchange reports is thrown, a lost connection is ExchangeServersUnavailable.</summary>
    Task<ExchangeRunResult> RunOnAsync(string server, ExchangeCommand command, object? target, CancellationToken cancellationToken);
}
