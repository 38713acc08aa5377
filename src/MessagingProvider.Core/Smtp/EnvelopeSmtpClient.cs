using System.Collections.Generic;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace MessagingProvider.Smtp;

/// <summary>
/// MailKit's client, able to send to the recipients a server accepted when it refused others
/// (a 452 4.5.3 "too many recipients", one unknown mailbox) instead of failing the whole
/// transaction. Off unless <see cref="CollectRefusedRecipients"/> is set, so every other user
/// keeps MailKit's behaviour (the first refused recipient fails the message). When every
/// recipient is refused MailKit still resets the transaction and throws (MessageNotAccepted).
/// </summary>
public sealed class EnvelopeSmtpClient : SmtpClient
{
    public EnvelopeSmtpClient(IProtocolLogger logger)
        : base(logger)
    {
    }

    /// <summary>When set, refused recipients are added here (address, reply) and the message goes to the rest.</summary>
    public List<(string Address, SmtpStatusCode Code, string Reply)>? CollectRefusedRecipients { get; set; }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if (CollectRefusedRecipients is null)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
            return;
        }

        CollectRefusedRecipients.Add((mailbox.Address, response.StatusCode, $"{(int)response.StatusCode} {response.Response}"));
    }
}
