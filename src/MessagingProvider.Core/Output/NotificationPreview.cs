using System;

namespace MessagingProvider.Output;

/// <summary>One message of a notification exactly as its recipients would get it (Get-NotificationPreview).</summary>
public sealed class NotificationPreview
{
    public string IdentityStore { get; set; } = "";
    public string Event { get; set; } = "";
    public string Object { get; set; } = "";

    /// <summary>"built-in en-US", "custom de-DE" or "custom (any language) en-US".</summary>
    public string Template { get; set; } = "";

    /// <summary>The culture dates and numbers are written in.</summary>
    public string Language { get; set; } = "";
    public string Subject { get; set; } = "";
    public string[] To { get; set; } = Array.Empty<string>();
    public string[] Cc { get; set; } = Array.Empty<string>();
    public string[] Bcc { get; set; } = Array.Empty<string>();
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The file the HTML was written to (-HtmlPath), or null.</summary>
    public string? HtmlPath { get; set; }

    /// <summary>Why nothing would be sent (the policy turns the event off, or nobody to notify), or null.</summary>
    public string? Reason { get; set; }
    public string[] SkippedRecipients { get; set; } = Array.Empty<string>();
}
