using System.Linq;
using System.Management.Automation;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// What the next server runs first when a server dropped after it was sent a change: a read
/// that tells whether the change already happened, so it is never made twice. A create is done
/// when the object is found; a removal (or disable) is done when it is no longer found.
/// </summary>
public sealed class FailoverCheck
{
    private FailoverCheck(ExchangeCommand command, bool doneWhenFound)
    {
        Command = command;
        DoneWhenFound = doneWhenFound;
    }

    public ExchangeCommand Command { get; }

    public bool DoneWhenFound { get; }

    /// <summary>For a create: done when <paramref name="read"/> finds the object.</summary>
    public static FailoverCheck Created(ExchangeCommand read) => new FailoverCheck(read, doneWhenFound: true);

    /// <summary>For a removal: done when <paramref name="read"/> finds nothing and says the object is not found.</summary>
    public static FailoverCheck Gone(ExchangeCommand read) => new FailoverCheck(read, doneWhenFound: false);

    public bool IsDone(ExchangeRunResult check) => DoneWhenFound
        ? check.Output.Count > 0
        : check.Output.Count == 0 && check.Errors.Count > 0 && check.Errors.All(e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound);

    /// <summary>For -Verbose: what the check found.</summary>
    public string Finding(string droppedServer) => DoneWhenFound
        ? $"found the object that '{droppedServer}' created before it dropped"
        : $"no longer finds the object that '{droppedServer}' was changing when it dropped";
}
