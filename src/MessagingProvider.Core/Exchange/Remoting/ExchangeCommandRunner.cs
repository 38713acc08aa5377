using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// Runs Exchange cmdlets on an identity store's servers in priority order. A connection failure
/// moves on to the next server; an error Exchange reports does not. A server that just failed is
/// skipped for the cool-down unless every server is down. Sessions are opened lazily and kept
/// until <see cref="Dispose"/>, so all pipeline input of one cmdlet shares them.
/// </summary>
public sealed partial class ExchangeCommandRunner : IRecipientCommandRunner
{
    private readonly Dictionary<string, ExchangeSession> _sessions = new Dictionary<string, ExchangeSession>(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> _servers;
    private readonly Func<string, RunspaceConnectionInfo> _connectionFor;
    private readonly TimeSpan _cooldown;
    private readonly string _scope;
    private readonly string _identityStore;
    private readonly Action<string> _verbose;
    private readonly object _sync = new object();
    private bool _disposed;

    public ExchangeCommandRunner(string identityStore, IEnumerable<string> serversInPriorityOrder, Func<string, RunspaceConnectionInfo> connectionFor,
        TimeSpan cooldown, string cooldownScope, Action<string>? verbose = null)
    {
        _identityStore = identityStore;
        _servers = serversInPriorityOrder.ToList();
        _connectionFor = connectionFor;
        _cooldown = cooldown;
        _scope = cooldownScope;
        _verbose = verbose ?? (_ => { });
    }

    /// <summary>The runner for an identity store's Exchange settings, with the stored credential.</summary>
    public static ExchangeCommandRunner For(ConfigurationStore store, IdentityStoreDocument document, Action<string>? verbose = null)
    {
        ExchangeSettings settings = ExchangeProviderGuard.Require(document);
        if (settings.Servers.Count == 0)
        {
            throw new MessagingProviderException(ErrorIds.NoExchangeServer, ErrorKind.InvalidOperation,
                $"The identity store '{document.Name}' has no Exchange servers. Run Add-ExchangeServer or Sync-ExchangeServer first.", document.Name);
        }

        PSCredential Credential()
        {
            if (settings.UserName is null || settings.Password is null)
            {
                throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidOperation,
                    $"The identity store '{document.Name}' has no Exchange credential. Run Set-MessagingProvider -IdentityStore '{document.Name}' -Credential (Get-Credential).", document.Name);
            }

            return store.Secrets.ToCredential(settings.UserName, settings.Password);
        }

        return new ExchangeCommandRunner(
            document.Name,
            settings.Servers.OrderBy(s => s.Priority).Select(s => s.Name),
            server => ExchangeConnectionInfoFactory.Create(server, settings, Credential),
            TimeSpan.FromSeconds(Math.Max(0, settings.Connection.FailoverCooldownSeconds)),
            store.DirectoryPath + "|" + document.Name,
            verbose);
    }

    public IReadOnlyList<string> Servers => _servers;

    public string Location => $"Exchange ({string.Join(", ", _servers)})";

    /// <summary><see cref="InvokeAsync"/>, with an error Exchange reported thrown, named after the server.</summary>
    public async Task<ExchangeRunResult> RunAsync(ExchangeCommand command, FailoverCheck? failoverCheck, object? target, CancellationToken cancellationToken)
    {
        ExchangeRunResult result = await InvokeCheckedAsync(command, failoverCheck, cancellationToken).ConfigureAwait(false);
        ExchangeCommandFailure.ThrowIfFailed(result, command, target);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the first server that works. When a server dropped after
    /// the command was sent, <paramref name="existenceCheck"/> (for creates) runs on the next server
    /// first: if the object is there, the create is not repeated.
    /// </summary>
    public Task<ExchangeRunResult> InvokeAsync(ExchangeCommand command, ExchangeCommand? existenceCheck, CancellationToken cancellationToken) =>
        InvokeCheckedAsync(command, existenceCheck is null ? null : FailoverCheck.Created(existenceCheck), cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on the first server that works. When a server dropped after
    /// the command was sent, <paramref name="failoverCheck"/> runs on the next server first: if it
    /// shows the change was made, it is not made again.
    /// </summary>
    public async Task<ExchangeRunResult> InvokeCheckedAsync(ExchangeCommand command, FailoverCheck? failoverCheck, CancellationToken cancellationToken)
    {
        var failures = new List<KeyValuePair<string, string>>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        bool everyServerCooling = _servers.All(s => ServerCooldown.IsCoolingDown(_scope, s, _cooldown, now, out _, out _));
        string? droppedServer = null;

        foreach (string server in _servers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!everyServerCooling && ServerCooldown.IsCoolingDown(_scope, server, _cooldown, DateTimeOffset.UtcNow, out string why, out DateTimeOffset until))
            {
                _verbose($"Exchange server '{server}': skipped, it failed recently ({why}); cool-down until {until.ToLocalTime():HH:mm:ss}.");
                failures.Add(new KeyValuePair<string, string>(server, "skipped during its cool-down after: " + why));
                continue;
            }

            var watch = Stopwatch.StartNew();
            ExchangeSession session = SessionFor(server);
            if (!session.IsOpen) _verbose($"Exchange server '{server}': opening a remote PowerShell session.");
            try
            {
                if (droppedServer is not null && failoverCheck is not null)
                {
                    ExchangeRunResult check = await session.InvokeAsync(failoverCheck.Command, cancellationToken).ConfigureAwait(false);
                    if (failoverCheck.IsDone(check))
                    {
                        ServerCooldown.MarkHealthy(_scope, server);
                        _verbose($"Exchange server '{server}': {failoverCheck.Command.Name} {failoverCheck.Finding(droppedServer)}; not running {command.Name} again ({watch.ElapsedMilliseconds} ms).");
                        return new ExchangeRunResult(droppedServer, check.Output, Array.Empty<ErrorRecord>(), foundAfterFailover: true, foundOn: server);
                    }
                }

                ExchangeRunResult result = await session.InvokeAsync(command, cancellationToken).ConfigureAwait(false);
                ServerCooldown.MarkHealthy(_scope, server);
                string outcome = result.Errors.Count == 0 ? "succeeded" : $"ran and Exchange reported {result.Errors.Count} error(s)";
                _verbose($"Exchange server '{server}': {command} {outcome} ({watch.ElapsedMilliseconds} ms).");
                return result;
            }
            catch (ExchangeConnectionException e)
            {
                _verbose($"Exchange server '{server}': connection failed after {watch.ElapsedMilliseconds} ms: {e.Message}. Trying the next server.");
                ServerCooldown.MarkFailed(_scope, server, e.Message, DateTimeOffset.UtcNow);
                DropSession(server, abandon: true);
                failures.Add(new KeyValuePair<string, string>(server, e.Message));
                if (e.MayHaveRun) droppedServer ??= server;
            }
        }

        string list = string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value}"));
        throw new MessagingProviderException(ErrorIds.ExchangeServersUnavailable, ErrorKind.ConnectionError,
            $"No Exchange server of identity store '{_identityStore}' could run {command.Name}. {list}. Run Test-ExchangeServer -IdentityStore '{_identityStore}' to check them.",
            _identityStore);
    }

    /// <summary>Closes every session politely (EndProcessing).</summary>
    public void Dispose() => Release(abandon: false);

    /// <summary>
    /// Lets every session go at once, closing them in the background (StopProcessing): a polite
    /// close waits for the server, and the server may be the reason the user pressed Ctrl+C.
    /// </summary>
    public void Abandon() => Release(abandon: true);

    private void Release(bool abandon)
    {
        List<ExchangeSession> sessions;
        lock (_sync)
        {
            if (_disposed) return;
            _disposed = true;
            sessions = _sessions.Values.ToList();
            _sessions.Clear();
        }

        foreach (ExchangeSession session in sessions)
        {
            if (abandon) session.Abandon();
            else session.Dispose();
        }
    }

    private ExchangeSession SessionFor(string server)
    {
        lock (_sync)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ExchangeCommandRunner));
            if (!_sessions.TryGetValue(server, out ExchangeSession? session))
            {
                _sessions[server] = session = new ExchangeSession(server, () => _connectionFor(server));
            }

            return session;
        }
    }

    private void DropSession(string server, bool abandon)
    {
        ExchangeSession? session;
        lock (_sync)
        {
            if (!_sessions.TryGetValue(server, out session)) return;
            _sessions.Remove(server);
        }

        if (abandon) session.Abandon();
        else session.Dispose();
    }
}
