#if NETFRAMEWORK
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MessagingProvider.Commands;

/// <summary>
/// Windows PowerShell 5.1 has no AssemblyLoadContext and powershell.exe has no binding redirects
/// for module dependencies, so a dependency that asks for another version of an assembly we ship
/// (System.Memory asking for an older System.Runtime.CompilerServices.Unsafe, say) would fail to
/// load. This resolver answers such requests, for an older or a newer version alike, with the copy
/// in the module's bin folder, and only for assemblies the module ships (System.ValueTuple included:
/// .NET Framework 4.7.2 has 4.0.2.0 where dependencies ask for 4.0.3.0 and 4.0.5.0). The packaging
/// tests check that every other reference resolves on .NET Framework 4.7.2.
/// </summary>
public sealed class WindowsPowerShellResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Sync = new object();
    private static bool _registered;
    private static readonly string BinFolder = Path.GetDirectoryName(typeof(WindowsPowerShellResolver).Assembly.Location) ?? "";

    public void OnImport()
    {
        lock (Sync)
        {
            if (_registered) return;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            PreloadNativeSqlite();
            _registered = true;
        }
    }

    public void OnRemove(PSModuleInfo module)
    {
        lock (Sync)
        {
            if (!_registered) return;
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            _registered = false;
        }
    }

    /// <summary>
    /// The outbox's SQLite provider imports "e_sqlite3", which .NET Framework looks for beside
    /// powershell.exe, not in the module. Loading the module's copy for this process's
    /// architecture first makes that import bind to it (Windows reuses a loaded module by name).
    /// </summary>
    private static void PreloadNativeSqlite()
    {
        string rid = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X86 => "win-x86",
            Architecture.Arm64 => "win-arm64",
            _ => "win-x64",
        };
        // bin/runtimes/, shared by both frameworks' folders.
        string path = Path.Combine(Path.GetDirectoryName(BinFolder)!, "runtimes", rid, "native", "e_sqlite3.dll");
        if (File.Exists(path)) LoadLibraryW(path);
    }

    [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern IntPtr LoadLibraryW(string path);

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        string? name = new AssemblyName(args.Name).Name;
        if (string.IsNullOrEmpty(name)) return null;
        string candidate = Path.Combine(BinFolder, name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
#endif
