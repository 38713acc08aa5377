using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>Every exported cmdlet has a platyPS help page that documents each of its parameters.</summary>
public sealed class HelpTests
{
    [Fact]
    public void EveryCmdletHasAHelpPageDocumentingEveryParameter()
    {
        using var session = new ModuleSession();
        var commands = session.Run("Get-Command -Module MessagingProvider -CommandType Cmdlet").ThrowIfErrors().Output
            .Select(o => (CmdletInfo)o.BaseObject).ToList();
        Assert.Contains(commands, c => c.Name == "Test-MailAccount");
        foreach (CmdletInfo command in commands)
        {
            string path = Path.Combine(RepoPaths.Docs, command.Name + ".md");
            Assert.True(File.Exists(path), $"{path} is missing");
            string page = File.ReadAllText(path);
            Assert.Contains("# " + command.Name + "\n", page);
            Assert.Contains("schema: 2.0.0", page);
            foreach (string parameter in command.Parameters.Keys.Where(p => !Cmdlet.CommonParameters.Contains(p) && !Cmdlet.OptionalCommonParameters.Contains(p)))
            {
                Assert.True(page.Contains("\n### -" + parameter + "\n"), $"{command.Name}: -{parameter} is not documented");
            }
        }
    }
}
