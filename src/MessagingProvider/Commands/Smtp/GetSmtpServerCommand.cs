using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Smtp;

namespace MessagingProvider.Commands;

/// <summary>Shows an identity store's SMTP server with secrets masked.</summary>
[Cmdlet(VerbsCommon.Get, "SmtpServer")]
[OutputType(typeof(SmtpServerInfo))]
public sealed class GetSmtpServerCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            WriteObject(SmtpServerInfo.Create(document.Name, SmtpServerChanges.Require(document)));
        });
    }
}
