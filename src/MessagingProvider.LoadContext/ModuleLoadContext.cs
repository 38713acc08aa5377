using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace MessagingProvider.LoadContext;

/// <summary>
/// The module's private AssemblyLoadContext on PowerShell 7. It resolves every assembly the
/// module ships (anything in its bin folder) itself and never defers those to the default
/// context: a fallback would leave two copies of one type visible (MSAL's logger interface is the
/// classic case) and break method binding even when versions match. Assemblies the module does
/// not ship (System.Management.Automation, the framework) come from the default context.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private const string ModuleAssemblyName = "MessagingProvider";
    private static readonly object Sync = new object();
    private static ModuleLoadContext? _instance;

    private readonly string _binFolder;
    private readonly AssemblyName _self = typeof(ModuleLoadContext).Assembly.GetName();

    private ModuleLoadContext(string binFolder)
        : base("MessagingProvider", isCollectible: false)
    {
        _binFolder = binFolder;
        ModuleAssembly = LoadFromAssemblyPath(Path.Combine(binFolder, ModuleAssemblyName + ".dll"));
    }

    public Assembly ModuleAssembly { get; }

    /// <summary>Creates the context once per process and returns the cmdlet assembly loaded in it.</summary>
    public static Assembly Initialize()
    {
        lock (Sync)
        {
            _instance ??= new ModuleLoadContext(Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)!);
            return _instance.ModuleAssembly;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (AssemblyName.ReferenceMatchesDefinition(_self, assemblyName)) return typeof(ModuleLoadContext).Assembly;

        string candidate = Path.Combine(_binFolder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = NativeLibraryPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>
    /// bin/runtimes/&lt;rid&gt;/native/ of this platform (shared by both frameworks' folders), as the module lays it out: a library asked for
    /// as "e_sqlite3" is e_sqlite3.dll, libe_sqlite3.so or libe_sqlite3.dylib on disk.
    /// </summary>
    private string? NativeLibraryPath(string name)
    {
        string folder = Path.Combine(Path.GetDirectoryName(_binFolder)!, "runtimes", PlatformRid(), "native");
        if (!Directory.Exists(folder)) return null;
        string bare = Path.GetFileNameWithoutExtension(name);
        foreach (string fileName in new[] { name, bare + ".dll", "lib" + bare + ".so", "lib" + bare + ".dylib", bare + ".so", bare + ".dylib" })
        {
            string candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>The portable RID (win-x64, linux-arm64, osx-arm64…): RuntimeInformation.RuntimeIdentifier may name a distribution instead.</summary>
    private static string PlatformRid()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }
}
