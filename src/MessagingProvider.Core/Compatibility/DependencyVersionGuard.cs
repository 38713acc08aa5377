using System;
using System.Linq;
using System.Reflection;
using MessagingProvider.Errors;

namespace MessagingProvider.Compatibility;

/// <summary>
/// Windows PowerShell 5.1 cannot isolate dependencies: another module's AssemblyResolve handler
/// (Az.Accounts and others register one) may hand this module an older copy of a library it
/// ships, which then fails later with a MissingMethodException nobody can act on. Checking the
/// loaded version against the one this assembly was built with turns that into a clear error.
/// On PowerShell 7 the private load context always supplies the shipped copy, so this passes.
/// </summary>
public static class DependencyVersionGuard
{
    public static void Require(Type typeFromDependency)
    {
        AssemblyName loaded = typeFromDependency.Assembly.GetName();
        AssemblyName? expected = typeof(DependencyVersionGuard).Assembly.GetReferencedAssemblies()
            .FirstOrDefault(r => string.Equals(r.Name, loaded.Name, StringComparison.OrdinalIgnoreCase));
        string? problem = Conflict(expected, loaded);
        if (problem is null) return;
        throw new MessagingProviderException(ErrorIds.DependencyVersionConflict, ErrorKind.InvalidOperation,
            problem + " Another module loaded its own copy first. Start a new PowerShell session and import MessagingProvider before that module, or use PowerShell 7, where the module keeps its dependencies apart.",
            loaded.Name);
    }

    /// <summary>Null when <paramref name="loaded"/> satisfies <paramref name="expected"/>; otherwise what is wrong.</summary>
    public static string? Conflict(AssemblyName? expected, AssemblyName loaded)
    {
        if (expected?.Version is null || loaded.Version is null || loaded.Version >= expected.Version) return null;
        return $"MessagingProvider needs {loaded.Name} {expected.Version} or later, but {loaded.Version} is loaded in this session.";
    }
}
