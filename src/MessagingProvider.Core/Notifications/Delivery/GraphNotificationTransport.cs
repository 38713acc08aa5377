using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud.Graph;
using MessagingProvider.Configuration;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// Microsoft Graph sendMail as the configured mailbox. The rendered MIME message is converted
/// (recipients, subject, HTML or text body, X- headers); Graph builds its own MIME and Message-ID.
/// </summary>
public sealed class GraphNotificationTransport : INotificationTransport
{
    private readonly GraphMailSender _sender;
    private readonly Action<string>? _verbose;

    /// <param name="verbose">Called on the thread that calls <see cref="Send"/> (a cmdlet may write only there).</param>
    public GraphNotificationTransport(GraphMailSender sender, string from, Action<string>? verbose = null)
    {
        _sender = sender;
        From = from;
        _verbose = verbose;
    }

    public NotificationDeliveryMethod Method => NotificationDeliveryMethod.MicrosoftGraph;

    public string From { get; }

    public string Description => $"Microsoft Graph {_sender.Endpoint}";

    public SendOutcome Send(MimeMessage message, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome { Attempts = 1 };
        try
        {
            outcome.Attempts = SendOnThisThread(ToGraph(message, From), cancellationToken);
            outcome.Sent = true;
            outcome.ServerReply = "202 Accepted";
        }
        catch (GraphSendMailException e) when (e.IsPerMessage)
        {
            outcome.Attempts = e.Attempts;
            outcome.ServerReply = $"{e.StatusCode} {e.Code}".TrimEnd();
            outcome.Failure = e;
        }

        return outcome;
    }

    /// <summary>Runs the send off this thread and relays its verbose messages here until it ends.</summary>
    private int SendOnThisThread(GraphMailMessage message, CancellationToken cancellationToken)
    {
        using var messages = new BlockingCollection<string>();
        Task<int> sending = Task.Run(async () =>
        {
            try
            {
                return await _sender.SendAsync(message, cancellationToken, messages.Add).ConfigureAwait(false);
            }
            finally
            {
                messages.CompleteAdding();
            }
        });
        foreach (string text in messages.GetConsumingEnumerable()) _verbose?.Invoke(text);
        return sending.GetAwaiter().GetResult();
    }

    /// <summary>What Graph needs of a rendered notification.</summary>
    public static GraphMailMessage ToGraph(MimeMessage message, string from)
    {
        string? html = message.HtmlBody;
        var graph = new GraphMailMessage
        {
            From = from,
            To = message.To.Mailboxes.Select(m => m.Address).ToList(),
            Cc = message.Cc.Mailboxes.Select(m => m.Address).ToList(),
            Subject = message.Subject ?? "",
            Body = html ?? message.TextBody ?? "",
            IsHtml = html is not null,
        };
        foreach (Header header in message.Headers)
        {
            if (header.Field.StartsWith("X-", StringComparison.OrdinalIgnoreCase)) graph.Headers[header.Field] = header.Value;
        }

        return graph;
    }

    public void Dispose() => _sender.Dispose();
}
