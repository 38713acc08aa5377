using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading.Tasks;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Runs network work off the pipeline thread and writes its verbose (and warning) messages on the
/// pipeline thread (Cmdlet.Write* may only be called there) until the work ends.
/// </summary>
internal static class CmdletAsync
{
    public static T Run<T>(Cmdlet cmdlet, Func<Action<string>, Task<T>> work) =>
        Run(cmdlet, (verbose, _) => work(verbose));

    /// <summary>As <see cref="Run{T}(Cmdlet, Func{Action{string}, Task{T}})"/>, with a second callback whose messages become warnings.</summary>
    public static T Run<T>(Cmdlet cmdlet, Func<Action<string>, Action<string>, Task<T>> work)
    {
        using var messages = new BlockingCollection<(bool Warning, string Text)>();
        Task<T> task = Task.Run(async () =>
        {
            try
            {
                return await work(text => messages.Add((false, text)), text => messages.Add((true, text))).ConfigureAwait(false);
            }
            finally
            {
                messages.CompleteAdding();
            }
        });
        foreach ((bool warning, string text) in messages.GetConsumingEnumerable())
        {
            if (warning) cmdlet.WriteWarning(text);
            else cmdlet.WriteVerbose(text);
        }

        return task.GetAwaiter().GetResult();
    }
}
