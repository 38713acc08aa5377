using System;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// The server could not be used (could not open, transport broken, timed out). The runner moves
/// on to the next server; <see cref="MayHaveRun"/> says the command had been sent, so a create
/// might have completed before the server dropped.
/// </summary>
internal sealed class ExchangeConnectionException : Exception
{
    public ExchangeConnectionException(string reason, bool mayHaveRun, Exception? inner = null)
        : base(reason, inner)
    {
        MayHaveRun = mayHaveRun;
    }

    public bool MayHaveRun { get; }
}
