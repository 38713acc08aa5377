namespace MessagingProvider.Output;

public sealed class NotificationTemplateInfo
{
    public string IdentityStore { get; set; } = "";
    public string Event { get; set; } = "";

    /// <summary>The culture the template is for; empty for a store template for any language.</summary>
    public string Culture { get; set; } = "";
    public bool IsCustom { get; set; }
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The text body; empty when it is derived from the HTML.</summary>
    public string TextBody { get; set; } = "";

    /// <summary>The text body (the name earlier versions used).</summary>
    public string Body => TextBody;

    /// <summary>The store's default culture (Set-NotificationTemplate -DefaultCulture); empty: en-US.</summary>
    public string DefaultCulture { get; set; } = "";
}
