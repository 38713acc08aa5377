using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: MessagingProvider.HostedShell <module.psd1 | -> <script text | path to .ps1>
// With "-" the module is not imported first (the script imports it when it wants to).
// The hosted engine has only the engine's core cmdlets (no Format-Table/Out-String), so output
// objects are printed as property lists here.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MessagingProvider.HostedShell <module.psd1> <script text | script.ps1>");
    return 2;
}

string script = File.Exists(args[1]) ? File.ReadAllText(args[1]) : args[1];
using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using PowerShell ps = PowerShell.Create();
ps.Runspace = runspace;
if (args[0] != "-")
{
    ps.AddScript("Import-Module -Name $args[0] -ErrorAction Stop").AddArgument(Path.GetFullPath(args[0])).AddStatement();
}

ps.AddScript(script);
ps.Streams.Warning.DataAdded += (s, e) => Console.WriteLine("WARNING: " + ps.Streams.Warning[e.Index].Message);
ps.Streams.Verbose.DataAdded += (s, e) => Console.WriteLine("VERBOSE: " + ps.Streams.Verbose[e.Index].Message);
ps.Streams.Error.DataAdded += (s, e) =>
{
    ErrorRecord error = ps.Streams.Error[e.Index];
    Console.WriteLine($"ERROR: {error.Exception.Message}\n  FullyQualifiedErrorId: {error.FullyQualifiedErrorId}\n  CategoryInfo: {error.CategoryInfo}");
};

var output = new PSDataCollection<PSObject>();
output.DataAdded += (s, e) => Print(output[e.Index]);
try
{
    ps.Invoke(null, output);
}
catch (RuntimeException e)
{
    Console.WriteLine($"ERROR: {e.Message}\n  FullyQualifiedErrorId: {e.ErrorRecord.FullyQualifiedErrorId}");
    return 1;
}

return ps.HadErrors ? 1 : 0;

static void Print(PSObject item)
{
    if (item.BaseObject is string || item.BaseObject.GetType().IsPrimitive)
    {
        Console.WriteLine(item.BaseObject);
        return;
    }

    Console.WriteLine($"# {item.TypeNames[0]}");
    var properties = item.Properties.Where(p => p.IsGettable && p.MemberType != PSMemberTypes.AliasProperty).ToList();
    int width = properties.Count == 0 ? 0 : properties.Max(p => p.Name.Length);
    foreach (PSPropertyInfo property in properties)
    {
        object? value = property.Value;
        string text = value is System.Collections.IEnumerable list and not string
            ? "{" + string.Join(", ", list.Cast<object?>()) + "}"
            : value?.ToString() ?? "";
        Console.WriteLine($"{property.Name.PadRight(width)} : {text}");
    }

    Console.WriteLine();
}
