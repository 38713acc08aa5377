using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Smtp;

public sealed class SmtpCancellationAndHelpTests
{
    private static readonly string[] Cmdlets =
    {
        "Set-SmtpServer", "Get-SmtpServer", "Test-SmtpServer", "Add-NotificationRecipient", "Remove-NotificationRecipient",
        "Get-NotificationRecipient", "Set-NotificationPolicy", "Get-NotificationPolicy", "Set-NotificationTemplate",
        "Get-NotificationTemplate", "Send-Notification", "Get-DueNotification",
    };

    [Fact]
    public void StoppingThePipelineCancelsAWaitForAServerThatNeverAnswers()
    {
        using var session = new ModuleSession();
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = session.Runspace;
            ps.AddScript("Test-SmtpServer -Server 127.0.0.1 -Port $args[0] -Security None -Authentication Anonymous -TimeoutSeconds 300")
                .AddArgument(((IPEndPoint)silent.LocalEndpoint).Port);
            IAsyncResult running = ps.BeginInvoke();
            using TcpClient accepted = silent.AcceptTcpClient();

            ps.Stop();

            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(running.IsCompleted);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void EveryCmdletHasHelpDocumentingEachParameter()
    {
        using var session = new ModuleSession();
        foreach (string name in Cmdlets)
        {
            string path = Path.Combine(RepoPaths.Docs, name + ".md");
            Assert.True(File.Exists(path), $"{path} is missing");
            string text = File.ReadAllText(path);
            Assert.Contains("schema: 2.0.0", text);
            Assert.Contains("# " + name, text);
            Assert.Contains("```powershell\nPS C:\\> ", text);
            CommandInfo command = Assert.Single(session.Run("Get-Command -Name $args[0] -Module MessagingProvider", name).ThrowIfErrors().Output).BaseObject as CommandInfo
                ?? throw new InvalidOperationException(name);
            foreach (string parameter in command.Parameters.Keys.Except(Cmdlet.CommonParameters).Except(Cmdlet.OptionalCommonParameters))
            {
                Assert.True(text.Contains("### -" + parameter + "\n", StringComparison.Ordinal), $"{name}: -{parameter} is not documented");
            }

            Assert.Contains(name, session.Run("(Get-Module MessagingProvider).ExportedCmdlets.Keys").Output.Select(o => o.BaseObject.ToString()));
        }
    }
}
