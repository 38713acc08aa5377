using System;
using System.Collections.Generic;
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

    /// <param name="verbose">Called on whatever thread the send continues on: give a sink that carries messages to the pipeline thread.</param>
    public GraphNotificationTransport(GraphMailSender sender, string from, Action<string>? verbose = null)
    {
        _sender = sender;
        From = from;
        _verbose = verbose;
    }

    public NotificationDeliveryMethod Method => NotificationDeliveryMethod.MicrosoftGraph;

    public string From { get; }

    public string Description => $"Microsoft Graph {_sender.Endpoint}";

    /// <summary>To the message's own To and Cc.</summary>
    public Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        SendAsync(message, message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList(), cancellationToken);

    /// <summary>
    /// Graph has no envelope: the envelope's addresses that are in the To or Cc header go there,
    /// the others as Bcc. Graph retries throttling (429/503/504) itself, honouring Retry-After.
    /// </summary>
    public async Task<SendOutcome> SendAsync(MimeMessage message, IReadOnlyList<string> envelope, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome { Attempts = 1 };
        try
        {
            outcome.Attempts = await _sender.SendAsync(ToGraph(message, From, envelope), cancellationToken, text => _verbose?.Invoke(text)).ConfigureAwait(false);
            outcome.Sent = true;
            outcome.ServerReply = "202 Accepted";
        }
        catch (GraphSendMailException e) when (e.IsPerMessage)
        {
            outcome.Attempts = e.Attempts;
            outcome.ServerReply = $"{e.StatusCode} {e.Code}".TrimEnd();
            outcome.Failure = e;
            outcome.Transient = e.StatusCode is 429 or 503 or 504;
            outcome.Throttled = e.StatusCode == 429;
        }

        return outcome;
    }

    /// <summary>What Graph needs of a rendered notification.</summary>
    public static GraphMailMessage ToGraph(MimeMessage message, string from) =>
        ToGraph(message, from, message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList());

    public static GraphMailMessage ToGraph(MimeMessage message, string from, IReadOnlyList<string> envelope)
    {
        string? html = message.HtmlBody;
        var wanted = new HashSet<string>(envelope, StringComparer.OrdinalIgnoreCase);
        List<string> to = message.To.Mailboxes.Select(m => m.Address).Where(wanted.Contains).ToList();
        List<string> cc = message.Cc.Mailboxes.Select(m => m.Address).Where(wanted.Contains).ToList();
        var graph = new GraphMailMessage
        {
            From = from,
            To = to,
            Cc = cc,
            Bcc = envelope.Where(a => !to.Contains(a, StringComparer.OrdinalIgnoreCase) && !cc.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList(),
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
