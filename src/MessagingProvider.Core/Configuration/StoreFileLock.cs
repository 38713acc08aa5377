using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using MessagingProvider.Errors;

namespace MessagingProvider.Configuration;

/// <summary>
/// A cross-process lock held for the whole read-modify-write of one identity store. An exclusive
/// FileShare.None handle is an OS lock on Windows and a flock(2) on Unix, and the OS releases it
/// when a process dies, so a crashed writer never leaves the store locked.
/// </summary>
internal sealed class StoreFileLock : IDisposable
{
    private readonly FileStream _handle;

    private StoreFileLock(FileStream handle) => _handle = handle;

    public static StoreFileLock Acquire(string lockPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var jitter = new Random();
        while (true)
        {
            try
            {
                return new StoreFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (File.Exists(lockPath) && clock.Elapsed < timeout)
            {
                cancellationToken.WaitHandle.WaitOne(jitter.Next(2, 15));
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            catch (IOException e) when (File.Exists(lockPath))
            {
                throw new MessagingProviderException(ErrorIds.ConfigurationLocked, ErrorKind.ResourceBusy,
                    $"The configuration lock '{lockPath}' has been held by another process for more than {timeout.TotalSeconds:0} seconds. Try again, or find the process that holds it.",
                    lockPath, e);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
