using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading.Tasks;

namespace MessagingProvider.Commands.Infrastructure;

/// <summary>
/// Runs network work off the pipeline thread and writes its verbose messages on the pipeline
/// thread (Cmdlet.Write* may only be called there) until the work ends.
/// </summary>
internal static class CmdletAsync
{
    public static T Run<T>(Cmdlet cmdlet, Func<Action<string>, Task<T>> work)
    {
        using var messages = new BlockingCollection<string>();
        Task<T> task = Task.Run(async () =>
        {
            try
            {
                return await work(messages.Add).ConfigureAwait(false);
            }
            finally
            {
                messages.CompleteAdding();
            }
        });
        foreach (string message in messages.GetConsumingEnumerable()) cmdlet.WriteVerbose(message);
        return task.GetAwaiter().GetResult();
    }
}
