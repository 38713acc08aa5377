using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace MessagingProvider.TestSupport;

/// <summary>
/// pwsh runs on Microsoft.NETCore.App alone; the Kestrel stand-ins need Microsoft.AspNetCore.App.
/// When this assembly is loaded into such a process (Pester), ASP.NET Core assemblies are taken
/// from the shared framework installed beside the running runtime. Test hosts that reference the
/// framework never reach this handler.
/// </summary>
internal static class AspNetCoreResolution
{
    [ModuleInitializer]
    internal static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        string? directory = SharedFrameworkDirectory.Value;
        if (directory is null || name.Name is null) return null;
        string candidate = Path.Combine(directory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }

    private static readonly Lazy<string?> SharedFrameworkDirectory = new Lazy<string?>(() =>
    {
        // .../shared/Microsoft.NETCore.App/<version>/ → .../shared/Microsoft.AspNetCore.App/<same major.minor>
        string runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime)!)!;
        string aspNet = Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (!Directory.Exists(aspNet)) return null;
        string exact = Path.Combine(aspNet, Environment.Version.ToString());
        if (Directory.Exists(exact)) return exact;
        string prefix = Environment.Version.Major + "." + Environment.Version.Minor + ".";
        return Directory.GetDirectories(aspNet)
            .Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out Version? v) ? v : new Version())
            .FirstOrDefault();
    });
}
