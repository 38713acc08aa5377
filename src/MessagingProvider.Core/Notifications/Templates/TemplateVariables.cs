using System;
using System.Globalization;
using System.Linq;
using Fluid;
using Fluid.Values;

namespace MessagingProvider.Notifications.Templates;

/// <summary>The variables a notification template can use, set on a Fluid context.</summary>
public static class TemplateVariables
{
    /// <summary>Top-level names; anything else in a template is warned about when it is set.</summary>
    public static readonly string[] Names =
    {
        "object", "changed_by", "member", "members", "owners", "manager", "identity_store", "event", "date", "days", "portal_url", "language", "findings",
    };

    public static void Set(TemplateContext context, TemplateData data)
    {
        NotificationRequest request = data.Request;
        context.SetValue("object", new DirectoryObjectValue(request.Target));
        context.SetValue("changed_by", request.ChangedBy is null ? NilValue.Instance : new DirectoryObjectValue(request.ChangedBy));
        context.SetValue("member", request.Members.Count == 0 ? NilValue.Instance : new DirectoryObjectValue(request.Members[0]));
        context.SetValue("members", DirectoryObjectValue.List(request.Members));
        context.SetValue("owners", DirectoryObjectValue.List(request.Target.Owners));
        context.SetValue("manager", request.Target.Manager is null ? NilValue.Instance : new DirectoryObjectValue(request.Target.Manager));
        context.SetValue("identity_store", StringValue.Create(data.IdentityStore));
        context.SetValue("event", StringValue.Create(request.Event.ToString()));
        context.SetValue("date", request.ExpirationDate is DateTime date ? FluidValue.Create(DateTime.SpecifyKind(date, DateTimeKind.Unspecified), context.Options) : NilValue.Instance);
        context.SetValue("days", DaysLeft(request, data.Today) is int days ? NumberValue.Create(days) : NilValue.Instance);
        context.SetValue("portal_url", string.IsNullOrEmpty(data.PortalUrl) ? NilValue.Instance : StringValue.Create(data.PortalUrl!));
        context.SetValue("language", StringValue.Create(data.Culture.Name));
        context.SetValue("findings", DirectoryObjectValue.List(request.Findings));
    }

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static int? DaysLeft(NotificationRequest request, DateTime today) =>
        request.DaysLeft ?? (request.ExpirationDate is DateTime end ? (int)(end.Date - today.Date).TotalDays : null);
}

/// <summary>What one rendering needs besides the template.</summary>
public sealed class TemplateData
{
    public TemplateData(string identityStore, NotificationRequest request, string? portalUrl, CultureInfo culture)
    {
        IdentityStore = identityStore;
        Request = request;
        PortalUrl = portalUrl;
        Culture = culture;
    }

    public string IdentityStore { get; }
    public NotificationRequest Request { get; }
    public string? PortalUrl { get; }
    public CultureInfo Culture { get; }
    public DateTime Today { get; set; } = DateTime.Today;
}
