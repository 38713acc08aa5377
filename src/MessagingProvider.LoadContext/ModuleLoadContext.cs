using System;
using System.IO;
using System.Reflection;
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

    private string? NativeLibraryPath(string name)
    {
        string runtimes = Path.Combine(_binFolder, "runtimes");
        if (!Directory.Exists(runtimes)) return null;
        foreach (string file in Directory.EnumerateFiles(runtimes, "*", SearchOption.AllDirectories))
        {
            string fileName = Path.GetFileName(file);
            if (fileName.StartsWith(name, StringComparison.OrdinalIgnoreCase) && file.Contains(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }
}
