using System.Management.Automation;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>Whether WriteVerbose of a command would show anything, decided as PowerShell decides it.</summary>
internal static class VerbosePreference
{
    public static bool IsWanted(PSCmdlet cmdlet)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose)) return IsOn(verbose);
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out object? debug) && IsOn(debug)) return true;
        object? preference = cmdlet.GetVariableValue("VerbosePreference");
        // Unreadable or unknown: write, as PowerShell would for any preference but these two.
        return !LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
            || (value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore);
    }

    private static bool IsOn(object? value) => value switch
    {
        SwitchParameter s => s.IsPresent,
        bool b => b,
        _ => true,
    };
}
