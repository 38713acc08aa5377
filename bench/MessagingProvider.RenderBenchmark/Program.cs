using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MessagingProvider.RenderBenchmark;
using MimeKit;

// Renders N MemberAdded notifications (different objects each, one recipient, serialized to the
// bytes the outbox stores) with each renderer; rounds alternate; prints the median per message.
int count = args.Length > 0 ? int.Parse(args[0]) : 1000;
int rounds = args.Length > 1 ? int.Parse(args[1]) : 7;

var settings = new NotificationSettings();
settings.Policy.PortalUrl = "https://portal.contoso.com/";
settings.Policy.NotifyAddedMembers = true;
var customNoText = new NotificationSettings { Policy = settings.Policy };
NotificationTemplateChanges.Set(customNoText, NotificationEvent.MemberAdded, null, new NotificationTemplate
{
    Subject = BuiltInTemplates.For(NotificationEvent.MemberAdded).Subject,
    Html = BuiltInTemplates.For(NotificationEvent.MemberAdded).Html,
});

List<NotificationRequest> requests = Enumerable.Range(0, count).Select(Request).ToList();
var scenarios = new (string Name, Func<NotificationRequest, ResolvedRecipients, MimeMessage> Render)[]
{
    ("plain text (before)", (r, to) => PlainTextRenderer.Render("Contoso", "notify@contoso.com", r, to, settings.Policy.PortalUrl)),
    ("Liquid, built-in HTML + text", (r, to) => NotificationRenderer.Render("Contoso", "notify@contoso.com", r, to, settings)[0].Message),
    ("Liquid, HTML only (text derived)", (r, to) => NotificationRenderer.Render("Contoso", "notify@contoso.com", r, to, customNoText)[0].Message),
};

var results = scenarios.ToDictionary(s => s.Name, _ => new List<double>());
foreach (var s in scenarios) Run(s.Render, Math.Min(200, count)); // warm-up: JIT, template parse, caches
for (int round = 0; round < rounds; round++)
{
    foreach (var s in scenarios) results[s.Name].Add(Run(s.Render, count));
}

Console.WriteLine($"{count} messages x {rounds} rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
double baseline = Median(results[scenarios[0].Name]);
foreach (var s in scenarios)
{
    List<double> ms = results[s.Name];
    double median = Median(ms);
    Console.WriteLine($"{s.Name,-34} median {median:F3} ms/message (min {ms.Min():F3}, max {ms.Max():F3}); +{median - baseline:F3} ms over plain text");
}

double Run(Func<NotificationRequest, ResolvedRecipients, MimeMessage> render, int n)
{
    var watch = Stopwatch.StartNew();
    long bytes = 0;
    for (int i = 0; i < n; i++)
    {
        NotificationRequest request = requests[i % requests.Count];
        ResolvedRecipients to = RecipientResolver.Resolve(request, settings);
        MimeMessage message = render(request, to);
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        bytes += buffer.Length;
    }

    watch.Stop();
    if (bytes == 0) throw new InvalidOperationException("nothing rendered");
    return watch.Elapsed.TotalMilliseconds / n;
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted[sorted.Count / 2];
}

static NotificationRequest Request(int i)
{
    var group = new DirectoryObject { Name = $"Sales {i}", Mail = $"sales{i}@contoso.com", Kind = DirectoryObjectKind.Group };
    group.Properties["Department"] = "Sales & Marketing";
    var member = new DirectoryObject { Name = $"Anna Müller {i}", Mail = $"anna{i}@contoso.com", Kind = DirectoryObjectKind.User };
    for (int p = 0; p < 40; p++) member.Properties["attribute" + p] = "value " + p;
    member.Properties["proxyAddresses"] = new object?[] { $"SMTP:anna{i}@contoso.com", $"smtp:a{i}@contoso.com" };
    var request = new NotificationRequest { Event = NotificationEvent.MemberAdded, Target = group, ChangedBy = new DirectoryObject { Name = "Erin Admin", Mail = "erin@contoso.com" } };
    request.Members.Add(member);
    return request;
}
