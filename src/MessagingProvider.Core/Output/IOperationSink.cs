namespace MessagingProvider.Output;

/// <summary>
/// Where a Core use case reports what it is doing: the cmdlet's Verbose, Warning, Debug,
/// Information and Progress streams, carried to the pipeline thread by the cmdlet's async bridge.
/// Core never writes to a console; it tells this sink.
/// </summary>
public interface IOperationSink
{
    void Verbose(string message);

    void Warning(string message);

    void Debug(string message);

    void Information(string message);

    void Progress(OperationProgress progress);
}
