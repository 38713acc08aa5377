using System;
using System.IO;
using System.Management.Automation.Runspaces;

namespace MessagingProvider.ExchangeStandIn;

/// <summary>
/// Opens a runspace so the engine starts serving PowerShell remoting on this process's named
/// pipe, prints "ready", and lives until its standard input closes or it is killed.
/// </summary>
public static class Program
{
    public static int Main()
    {
        string modules = Path.Combine(AppContext.BaseDirectory, "Modules");
        Environment.SetEnvironmentVariable("PSModulePath", modules + Path.PathSeparator + Environment.GetEnvironmentVariable("PSModulePath"));
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Console.WriteLine("ready " + Environment.ProcessId);
        Console.Out.Flush();
        while (Console.ReadLine() is not null)
        {
        }

        return 0;
    }
}
