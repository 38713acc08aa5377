using System;
using System.IO;
using System.Management.Automation.Runspaces;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Opens a runspace so the engine starts serving PowerShell remoting on this process's named
/// pipe, prints "ready", and lives until its standard input closes or it is killed.
/// </summary>
public static class ExchangeServerProgram
{
    /// <summary>The first argument that runs this assembly as a stand-in Exchange server.</summary>
    public const string Verb = "exchange-server";

    public static int Main(string[] args)
    {
        if (args.Length != 1 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: dotnet MessagingProvider.TestSupport.dll {Verb}  (STANDIN_SERVER, STANDIN_STATE, STANDIN_DOMAIN in the environment)");
            return 2;
        }

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
