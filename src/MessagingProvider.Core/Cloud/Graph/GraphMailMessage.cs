using System.Collections.Generic;

namespace MessagingProvider.Cloud.Graph;

/// <summary>A notification to send through Microsoft Graph as the mailbox <see cref="From"/>.</summary>
public sealed class GraphMailMessage
{
    /// <summary>The sending mailbox (user principal name or address); the app needs Mail.Send for it.</summary>
    public string From { get; set; } = "";

    public IList<string> To { get; set; } = new List<string>();

    public IList<string> Cc { get; set; } = new List<string>();

    /// <summary>Blind recipients (role-based recipients of a notification never see each other).</summary>
    public IList<string> Bcc { get; set; } = new List<string>();

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public bool IsHtml { get; set; }

    /// <summary>Custom internet headers; Microsoft Graph accepts only names that start with "X-".</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

    /// <summary>Notifications are not kept in the sending mailbox unless asked.</summary>
    public bool SaveToSentItems { get; set; }
}
