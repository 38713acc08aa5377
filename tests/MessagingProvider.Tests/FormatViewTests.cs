using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Xml.Linq;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// The hosted engine has no Format-Table to render views, so this checks what can break them
/// silently: every script block parses, and every output type of the mail cmdlets has a view.
/// </summary>
public sealed class FormatViewTests
{
    private static readonly XDocument Views = XDocument.Load(Path.Combine(RepoPaths.Root, "module", "MessagingProvider.Format.ps1xml"));

    [Fact]
    public void EveryScriptBlockParses()
    {
        foreach (string script in Views.Descendants("ScriptBlock").Select(e => e.Value))
        {
            Parser.ParseInput(script, out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, $"{script}: {errors.FirstOrDefault()?.Message}");
        }
    }

    [Theory]
    [InlineData("MessagingProvider.Output.EmailProviderDomainInfo")]
    [InlineData("MessagingProvider.Output.EmailProviderResolution")]
    [InlineData("MessagingProvider.Output.MailServerInfo")]
    [InlineData("MessagingProvider.Output.MailAccountInfo")]
    [InlineData("MessagingProvider.Output.MailAccountTestResult")]
    [InlineData("MessagingProvider.Output.MailAccountTestStageResult")]
    public void MailOutputTypesHaveAView(string type) =>
        Assert.Contains(Views.Descendants("TypeName"), t => t.Value == type);
}
