using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>Enable- and Disable-EntraSmtpClient: flip the stored Enabled flag under the store's lock and report it.</summary>
public abstract class EntraSmtpClientSwitchCmdlet : IdentityStoreCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>What -WhatIf and -Confirm show.</summary>
    protected abstract string Action { get; }

    /// <summary>Changes the document (refusing with an error when it may not); returns whether the client was enabled before.</summary>
    protected abstract bool Switch(IdentityStoreDocument document);

    /// <summary>Verbose and warnings about the stored result.</summary>
    protected abstract void Report(IdentityStoreDocument updated, bool wasEnabled);

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(IdentityStore, Action)) return;
        TryRun(() =>
        {
            bool wasEnabled = false;
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => wasEnabled = Switch(d), CancellationToken);
            Report(updated, wasEnabled);
            if (PassThru) WriteObject(EntraSmtpClientInfo.Create(updated.Name, updated.EntraSmtpClient!, Store.TokenCachePath(updated.Name)));
        });
    }
}
