using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Notifications;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The -To/-Cc lists that Add- and Remove-NotificationRecipient take, parsed the same way for both.</summary>
public abstract class NotificationRecipientCmdlet : IdentityStoreCmdlet
{
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? To { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? Cc { get; set; }

    /// <summary>Arrays and "a@x; b@y" strings; one invalid address rejects the whole call.</summary>
    protected (IReadOnlyList<string> To, IReadOnlyList<string> Cc) ParseRecipients() =>
        (RecipientAddresses.Parse(To, "To"), RecipientAddresses.Parse(Cc, "Cc"));

    protected static string Describe(IReadOnlyList<string> to, IReadOnlyList<string> cc) =>
        $"To: {string.Join("; ", to)} Cc: {string.Join("; ", cc)}";
}
