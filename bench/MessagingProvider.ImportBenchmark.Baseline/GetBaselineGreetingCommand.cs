using System.Management.Automation;

namespace MessagingProvider.ImportBenchmark.Baseline;

/// <summary>The one cmdlet of the baseline module.</summary>
[Cmdlet(VerbsCommon.Get, "BaselineGreeting")]
[OutputType(typeof(string))]
public sealed class GetBaselineGreetingCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    public string Name { get; set; } = "world";

    protected override void ProcessRecord() => WriteObject("Hello, " + Name);
}
