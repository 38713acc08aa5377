using System;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Sets the runner's test seam in the module's copy of MessagingProvider.Core, which lives in the
/// module's private AssemblyLoadContext (so it is found by reflection, and only BCL/SMA types cross).
/// </summary>
public static class ExchangeConnectionSeam
{
    public static void Route(Func<string, RunspaceConnectionInfo>? connectionFor)
    {
        Assembly core = AssemblyLoadContext.All
            .Where(c => c.Name == "MessagingProvider")
            .SelectMany(c => c.Assemblies)
            .Single(a => a.GetName().Name == "MessagingProvider.Core");
        FieldInfo field = core.GetType("MessagingProvider.Exchange.Remoting.ExchangeConnectionInfoFactory", throwOnError: true)!
            .GetField("TestConnectionOverride", BindingFlags.NonPublic | BindingFlags.Static)!;
        field.SetValue(null, connectionFor);
    }
}
