using System.Collections;
using System.IO;
using System.Linq;
using MessagingProvider.HelpBuilder;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;
using MessagingProvider.Tests.Smtp;

namespace MessagingProvider.Tests.Help;

/// <summary>
/// Every example in docs/en-US runs, in a fresh session with an empty configuration directory and
/// a fresh working directory, and succeeds. ExamplePrelude.ps1 runs first (stand-ins for
/// interactive cmdlets and helpers that make certificate and key files), then the example's
/// &lt;!-- setup: ... --&gt; comments (see docs/README.md), which must succeed too. An example marked
/// &lt;!-- requires: mailserver --&gt; runs against the real test mail server the SMTP tests share
/// ($MailServer), one marked cloud against the Entra ID and Exchange Online stand-ins ($Cloud),
/// one marked exchange against stand-in Exchange server processes ($ExchangeLab).
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class HelpExampleTests
{
    private const string MailServerRequirement = "mailserver";
    private const string CloudRequirement = "cloud";
    private const string ExchangeRequirement = "exchange";
    private static readonly string[] Requirements = { MailServerRequirement, CloudRequirement, ExchangeRequirement };

    private readonly MailServerFixture _mailServer;

    public HelpExampleTests(MailServerFixture mailServer) => _mailServer = mailServer;

    private static string PreludePath => Path.Combine(RepoPaths.Root, "tests", "MessagingProvider.Tests", "Help", "ExamplePrelude.ps1");

    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (string file in CommandDocs.CommandFiles())
        {
            CommandHelp help = CommandMarkdownParser.ParseFile(file);
            for (int i = 0; i < help.Examples.Count; i++) data.Add(Path.GetFileName(file), i, help.Examples[i].Title);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleRunsAndSucceeds(string file, int index, string title)
    {
        ExampleHelp example = CommandMarkdownParser.ParseFile(Path.Combine(RepoPaths.Docs, file)).Examples[index];
        using var session = new ModuleSession();
        CloudStandIns? cloud = null;
        ExchangeStandIns? exchange = null;
        string workingDirectory = Directory.CreateDirectory(Path.Combine(session.ConfigDirectory, "..", Path.GetFileName(session.ConfigDirectory) + "-work")).FullName;
        try
        {
            session.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null", workingDirectory).ThrowIfErrors();
            var unknown = example.Requires.Except(Requirements).ToList();
            Assert.True(unknown.Count == 0, $"{file}:{example.Line} '{title}' requires '{string.Join("', '", unknown)}'; the tests provide only '{string.Join("', '", Requirements)}' (see docs/README.md).");
            if (example.Requires.Contains(MailServerRequirement)) session.Run("$MailServer = [pscustomobject]$args[0]", MailServerVariable()).ThrowIfErrors();
            if (example.Requires.Contains(CloudRequirement))
            {
                cloud = CloudStandIns.Start(example.Requires.Contains(MailServerRequirement) ? _mailServer.SigningKey : null);
                session.Run("$Cloud = [pscustomobject]$args[0]", cloud.Variable()).ThrowIfErrors();
            }

            if (example.Requires.Contains(ExchangeRequirement))
            {
                exchange = new ExchangeStandIns();
                session.Run("$ExchangeLab = $args[0]", exchange.Directory).ThrowIfErrors();
            }

            session.Run(File.ReadAllText(PreludePath)).ThrowIfErrors();
            foreach (string setup in example.Setup)
            {
                RunResult prepared = session.Run(setup);
                Assert.True(prepared.Errors.Count == 0, $"{file}:{example.Line} '{title}': the set-up '{setup}' failed: {Describe(prepared)}");
            }

            string code = CommandMarkdownParser.RunnableCode(example.Code);
            RunResult result = session.Run(code);
            Assert.True(result.Errors.Count == 0, $"{file}:{example.Line} '{title}' failed:\n{code}\n{Describe(result)}");
        }
        finally
        {
            cloud?.Dispose();
            exchange?.Dispose();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>
    /// What an administrator knows about the mail server: its SMTP endpoints (STARTTLS, implicit
    /// TLS, unencrypted), the SMTP account, the pinned certificate, the IMAP port (unencrypted) and
    /// the password of the mailbox anna.lee@contoso.com.
    /// </summary>
    private Hashtable MailServerVariable() => new Hashtable
    {
        ["Server"] = _mailServer.Host,
        ["Port"] = _mailServer.StartTlsPort,
        ["SslPort"] = _mailServer.ImplicitTlsPort,
        ["PlainPort"] = _mailServer.PlainPort,
        ["From"] = MailServerFixture.SenderUser,
        ["Credential"] = MailServerCollection.Credential(MailServerFixture.SenderUser, _mailServer.SenderPassword),
        ["CertificateThumbprint"] = _mailServer.Certificate.Thumbprint,
        ["ImapPort"] = _mailServer.ImapPort,
        ["MailboxPassword"] = MailServerCollection.Credential(MailServerFixture.ExampleMailbox, MailServerFixture.MailboxPassword).Password,
    };

    [Fact]
    public void AboutTopicExampleRunsAndSucceeds()
    {
        string about = File.ReadAllText(Path.Combine(RepoPaths.Docs, "about_MessagingProvider.md")).Replace("\r\n", "\n");
        string examples = System.Text.RegularExpressions.Regex.Match(about, "(?ms)^# EXAMPLES\\s*$(.*?)(?=^# )").Groups[1].Value;
        string code = System.Text.RegularExpressions.Regex.Match(examples, "(?ms)^```powershell\\s*$(.*?)^```").Groups[1].Value;
        Assert.Contains("New-IdentityStore", code);

        using var session = new ModuleSession();
        RunResult result = session.Run(code);
        Assert.True(result.Errors.Count == 0, Describe(result));
        Assert.Equal(new object[] { true, false }, result.Output.Where(o => o.TypeNames[0].EndsWith("EmailAliasTestResult", System.StringComparison.Ordinal)).Select(o => o.Properties["IsValid"].Value));
    }

    private static string Describe(RunResult result) =>
        string.Join("\n", result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e.Exception.Message}"));
}
