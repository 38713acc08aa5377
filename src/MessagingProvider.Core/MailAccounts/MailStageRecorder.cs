using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Runs test stages in order and records each one's outcome and duration. After the first
/// failure every later stage is recorded as Skipped. A stop request (Ctrl+C) is not a failure:
/// it propagates.
/// </summary>
public sealed class MailStageRecorder
{
    private readonly List<MailAccountTestStageResult> _stages = new List<MailAccountTestStageResult>();
    private readonly CancellationToken _cancellation;

    public MailStageRecorder(CancellationToken cancellation) => _cancellation = cancellation;

    public event Action<MailProtocol, MailTestStage>? Starting;

    public event Action<MailAccountTestStageResult>? Finished;

    public IReadOnlyList<MailAccountTestStageResult> Stages => _stages;

    public MailAccountTestStageResult? FirstFailure { get; private set; }

    public ErrorKind FirstFailureKind { get; private set; }

    /// <summary>Runs <paramref name="stage"/> unless an earlier stage of the same protocol failed; the function returns the detail text.</summary>
    public async Task<bool> RunAsync(MailProtocol protocol, MailTestStage stage, Func<Task<string>> action, Func<Exception, (ErrorKind Kind, string Detail)> explain)
    {
        if (ProtocolFailed(protocol))
        {
            Skip(protocol, stage, "not run: an earlier stage failed");
            return false;
        }

        Starting?.Invoke(protocol, stage);
        var watch = Stopwatch.StartNew();
        try
        {
            string detail = await action().ConfigureAwait(false);
            Record(protocol, stage, MailTestStageStatus.Passed, watch.Elapsed, detail);
            return true;
        }
        catch (Exception e) when (_cancellation.IsCancellationRequested)
        {
            // Whatever a stop broke (a disposed socket, an aborted handshake) is the stop, not a failure.
            throw new OperationCanceledException("The test was stopped.", e, _cancellation);
        }
        catch (Exception e)
        {
            (ErrorKind kind, string detail) = explain(e);
            MailAccountTestStageResult failed = Record(protocol, stage, MailTestStageStatus.Failed, watch.Elapsed, detail);
            if (FirstFailure is null)
            {
                FirstFailure = failed;
                FirstFailureKind = kind;
            }

            return false;
        }
    }

    public void Skip(MailProtocol protocol, MailTestStage stage, string detail) =>
        Record(protocol, stage, MailTestStageStatus.Skipped, TimeSpan.Zero, detail);

    /// <summary>Turns a passed stage into Skipped (TLS with TlsMode None: the step ran but secured nothing).</summary>
    public void MarkLastSkipped(string detail)
    {
        MailAccountTestStageResult last = _stages[_stages.Count - 1];
        last.Status = MailTestStageStatus.Skipped;
        last.Detail = detail;
    }

    private bool ProtocolFailed(MailProtocol protocol) =>
        _stages.Exists(s => s.Protocol == protocol && s.Status == MailTestStageStatus.Failed);

    private MailAccountTestStageResult Record(MailProtocol protocol, MailTestStage stage, MailTestStageStatus status, TimeSpan duration, string detail)
    {
        var result = new MailAccountTestStageResult { Protocol = protocol, Stage = stage, Status = status, Duration = duration, Detail = detail };
        _stages.Add(result);
        Finished?.Invoke(result);
        return result;
    }
}
