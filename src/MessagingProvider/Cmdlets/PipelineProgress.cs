using System;
using System.Management.Automation;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Progress for pipeline input: silent for the first <see cref="Threshold"/> records (a handful of
/// objects needs no bar), then one record per input naming it. Pipeline input has no known
/// total, so the bar shows a count, not a percentage.
/// </summary>
internal sealed class PipelineProgress
{
    public const int Threshold = 20;

    private readonly Action<ProgressRecord> _write;
    private readonly string _activity;
    private readonly int _id;
    private int _count;

    public PipelineProgress(Action<ProgressRecord> write, string activity, int id = 1)
    {
        _write = write;
        _activity = activity;
        _id = id;
    }

    public int Count => _count;

    public void Next(string item)
    {
        _count++;
        if (_count <= Threshold) return;
        _write(new ProgressRecord(_id, _activity, $"{_count} objects: {item}"));
    }

    public void Complete()
    {
        if (_count <= Threshold) return;
        _write(new ProgressRecord(_id, _activity, $"{_count} objects") { RecordType = ProgressRecordType.Completed });
    }
}
