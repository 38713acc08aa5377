using System.Collections.Generic;
using System.Management.Automation;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>What one command returned, and which server ran it.</summary>
public sealed class ExchangeRunResult
{
    public ExchangeRunResult(string server, IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, bool foundAfterFailover = false, string? foundOn = null)
    {
        Server = server;
        FoundOn = foundOn;
        Output = output;
        Errors = errors;
        FoundAfterFailover = foundAfterFailover;
    }

    public string Server { get; }

    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Errors Exchange reported (the command ran): never a reason to fail over.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    /// <summary>The server dropped while creating; the next server found the object, so it was not created again.</summary>
    public bool FoundAfterFailover { get; }

    /// <summary>With <see cref="FoundAfterFailover"/>: the server whose read found the object (it sees it, so a follow-up goes there).</summary>
    public string? FoundOn { get; }
}
