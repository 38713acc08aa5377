using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Completion;

/// <summary>
/// Tab completion as the shell asks for it: CommandCompletion.CompleteInput on the command line
/// typed so far, in the hosted engine with the module imported.
/// </summary>
public sealed class CompletionTests
{
    private const string ExchangeStores =
        "$cred = [pscredential]::new('CONTOSO\\svc-mp', [System.Net.NetworkCredential]::new('', 'Exch-P@ss-123').SecurePassword)\n" +
        "$null = New-IdentityStore -Name Contoso, 'Con Two', Fabrikam, Northwind\n" +
        "Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $cred -Server exch01.contoso.com, exch02.contoso.com -Force\n" +
        "Set-MessagingProvider -IdentityStore Fabrikam -Provider Exchange -Domain fabrikam.com -Credential $cred -Server mail01.fabrikam.com -Force\n";

    [Fact]
    public void EveryIdentityStoreParameterCompletesTheStoredNames()
    {
        using var session = new ModuleSession();
        session.Run(ExchangeStores).ThrowIfErrors();
        List<string> cmdlets = CmdletsWithParameter(session, "IdentityStore");
        Assert.NotEmpty(cmdlets);

        var wrong = new List<string>();
        foreach (string cmdlet in cmdlets)
        {
            List<string> offered = Complete(session, $"{cmdlet} -IdentityStore Con");
            if (!offered.OrderBy(s => s, System.StringComparer.Ordinal).SequenceEqual(new[] { "'Con Two'", "Contoso" }))
            {
                wrong.Add($"{cmdlet} -IdentityStore Con<Tab> offered [{string.Join(", ", offered)}]");
            }
        }

        Assert.True(wrong.Count == 0, "Expected Contoso and 'Con Two':\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void IdentityStoreCompletesPositionallyAndWithAnOpenQuote()
    {
        using var session = new ModuleSession();
        session.Run(ExchangeStores).ThrowIfErrors();

        Assert.Equal(new[] { "Fabrikam" }, Complete(session, "Get-MessagingProvider Fab"));
        Assert.Equal(new[] { "Northwind" }, Complete(session, "Test-EmailAlias -IdentityStore 'nor"));
    }

    [Fact]
    public void NameOfStoreCmdletsCompletesTheStoredNames()
    {
        using var session = new ModuleSession();
        session.Run(ExchangeStores).ThrowIfErrors();

        Assert.Equal(new[] { "Fabrikam" }, Complete(session, "Get-IdentityStore -Name F"));
        Assert.Equal(new[] { "Northwind" }, Complete(session, "Remove-IdentityStore N"));
    }

    [Fact]
    public void ServerCompletesTheExchangeServersOfTheStoreOnTheCommandLine()
    {
        using var session = new ModuleSession();
        session.Run(ExchangeStores).ThrowIfErrors();
        List<string> cmdlets = CmdletsWithCompleterOn(session, "Server");
        Assert.Contains("Get-ExchangeServer", cmdlets);
        Assert.Contains("Remove-ExchangeServer", cmdlets);
        Assert.Contains("Set-ExchangeServerPriority", cmdlets);

        var wrong = new List<string>();
        foreach (string cmdlet in cmdlets)
        {
            Expect(wrong, session, $"{cmdlet} -IdentityStore Contoso -Server ", null, "exch01.contoso.com", "exch02.contoso.com");
            Expect(wrong, session, $"{cmdlet} -IdentityStore Contoso -Server EXCH02", null, "exch02.contoso.com");
            Expect(wrong, session, $"{cmdlet} -IdentityStore Fabrikam -Server ", null, "mail01.fabrikam.com");
            Expect(wrong, session, $"{cmdlet} -Server m -IdentityStore Fabrikam", $"{cmdlet} -Server m".Length, "mail01.fabrikam.com");
            Expect(wrong, session, $"{cmdlet} Contoso ", null, "exch01.contoso.com", "exch02.contoso.com");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void ServerOffersNoServerWithoutAnExchangeStore()
    {
        using var session = new ModuleSession();
        session.Run(ExchangeStores).ThrowIfErrors();
        string[] servers = { "exch01.contoso.com", "exch02.contoso.com", "mail01.fabrikam.com" };

        // The completer offers nothing, so PowerShell falls back to file names; no server may appear.
        Assert.DoesNotContain(Complete(session, "Get-ExchangeServer -Server "), servers.Contains);
        Assert.DoesNotContain(Complete(session, "Get-ExchangeServer -IdentityStore Northwind -Server "), servers.Contains);
        Assert.DoesNotContain(Complete(session, "Get-ExchangeServer -IdentityStore Missing -Server "), servers.Contains);
    }

    /// <summary>Completes at <paramref name="cursor"/> (the end when null) and notes a mismatch.</summary>
    private static void Expect(List<string> wrong, ModuleSession session, string input, int? cursor, params string[] expected)
    {
        // Set comparison: the first server gets priority 1 at random, and the order follows priority.
        List<string> offered = Complete(session, input, cursor);
        if (!offered.OrderBy(o => o, System.StringComparer.Ordinal).SequenceEqual(expected.OrderBy(e => e, System.StringComparer.Ordinal))) wrong.Add($"'{input}' offered [{string.Join(", ", offered)}], expected [{string.Join(", ", expected)}]");
    }

    internal static List<string> Complete(ModuleSession session, string input, int? cursor = null)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        CommandCompletion completion = CommandCompletion.CompleteInput(input, cursor ?? input.Length, null, ps);
        return completion.CompletionMatches.Select(m => m.CompletionText).ToList();
    }

    private static List<string> CmdletsWithParameter(ModuleSession session, string parameter) =>
        ModuleManifest.ExportedCmdlets
            .Where(c => Command(session, c).Parameters.ContainsKey(parameter))
            .ToList();

    private static List<string> CmdletsWithCompleterOn(ModuleSession session, string parameter) =>
        ModuleManifest.ExportedCmdlets
            .Where(c => Command(session, c).Parameters.TryGetValue(parameter, out ParameterMetadata? p) && p.Attributes.OfType<ArgumentCompleterAttribute>().Any())
            .ToList();

    private static CmdletInfo Command(ModuleSession session, string cmdlet) =>
        (CmdletInfo)session.Run("Get-Command -Name $args[0] -CommandType Cmdlet", cmdlet).Single().BaseObject;
}
