using System.Threading;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>Enable-EntraSmtpClient and Disable-EntraSmtpClient: enabled only after a test passed with the current settings and mailbox.</summary>
public static class EntraSmtpClientSwitch
{
    /// <summary>Enables the stored client under the store's lock and says what changed.</summary>
    public static IdentityStoreDocument Enable(ConfigurationStore store, string identityStore, IOperationSink sink, CancellationToken cancellationToken)
    {
        bool wasEnabled = false;
        IdentityStoreDocument updated = store.Update(identityStore, d => wasEnabled = Enable(d), cancellationToken);
        EntraSmtpClientSettings settings = updated.EntraSmtpClient!;
        sink.Verbose(wasEnabled
            ? $"The Entra ID SMTP client of '{updated.Name}' was enabled already."
            : $"The Entra ID SMTP client of '{updated.Name}' is enabled: it sends as {settings.MailboxUser} through {settings.SmartHost}:{settings.Port}.");
        return updated;
    }

    /// <summary>Disables the stored client under the store's lock; warns when notifications depend on it.</summary>
    public static IdentityStoreDocument Disable(ConfigurationStore store, string identityStore, IOperationSink sink, CancellationToken cancellationToken)
    {
        bool wasEnabled = false;
        IdentityStoreDocument updated = store.Update(identityStore, d => wasEnabled = Disable(d), cancellationToken);
        sink.Verbose(wasEnabled
            ? $"The Entra ID SMTP client of '{updated.Name}' is disabled."
            : $"The Entra ID SMTP client of '{updated.Name}' was disabled already.");
        if (updated.Notifications.Delivery.Method == NotificationDeliveryMethod.EntraSmtpClient)
        {
            sink.Warning($"Notifications of '{updated.Name}' are delivered by the Entra ID SMTP client: Send-Notification fails with EntraSmtpClientNotEnabled until it is enabled again or Set-NotificationDelivery -IdentityStore '{updated.Name}' -Method Smtp chooses another way.");
        }

        return updated;
    }

    /// <summary>Returns whether it was enabled already.</summary>
    public static bool Enable(IdentityStoreDocument document)
    {
        EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
        string name = document.Name;
        string test = $"Send a test message with Send-EntraSmtpTestMessage -IdentityStore '{name}' -To <address>; once it succeeds, run Enable-EntraSmtpClient again.";
        if (settings.MailboxUser is null)
        {
            throw Refused(name, $"The Entra ID SMTP client of '{name}' has no signed-in mailbox. Run Connect-EntraSmtpMailbox -IdentityStore '{name}', then {char.ToLowerInvariant(test[0])}{test.Substring(1)}");
        }

        EntraSmtpTestRecord? last = settings.LastTest;
        if (last is null) throw Refused(name, $"The Entra ID SMTP client of '{name}' has not been tested yet. {test}");
        if (last.Fingerprint != EntraSmtpClientFingerprint.Of(settings))
        {
            throw Refused(name, $"The settings or the mailbox sign-in of the Entra ID SMTP client of '{name}' changed after the last test ({last.Time:u}). {test}");
        }

        if (!last.Succeeded) throw Refused(name, $"The last test of the Entra ID SMTP client of '{name}' ({last.Time:u}) failed: {last.Reason} {test}");
        bool already = settings.Enabled;
        settings.Enabled = true;
        return already;
    }

    /// <summary>Returns whether it was enabled.</summary>
    public static bool Disable(IdentityStoreDocument document)
    {
        EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
        bool was = settings.Enabled;
        settings.Enabled = false;
        return was;
    }

    private static MessagingProviderException Refused(string name, string message) =>
        new MessagingProviderException(ErrorIds.EntraSmtpClientTestRequired, ErrorKind.InvalidOperation, message, name);
}
