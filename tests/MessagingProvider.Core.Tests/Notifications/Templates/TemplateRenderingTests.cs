using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using static MessagingProvider.Core.Tests.Notifications.Templates.TemplateTestData;

namespace MessagingProvider.Core.Tests.Notifications.Templates;

/// <summary>Liquid rendering: variables, properties of piped objects, encoding, cultures, text from HTML, errors.</summary>
public sealed class TemplateRenderingTests
{
    private static NotificationRequest Request()
    {
        DirectoryObject group = AdGroup("Sales", "sales@contoso.com");
        group.Owners.Add(AdUser("Olga Owner", "olga@contoso.com"));
        group.Owners.Add(AdUser("Otto Owner", "otto@contoso.com"));
        group.Manager = AdUser("Max Manager", "max@contoso.com");
        var request = new NotificationRequest
        {
            Event = NotificationEvent.MembershipExpiring,
            Target = group,
            ChangedBy = AdUser("Erin Admin", "erin@contoso.com"),
            ExpirationDate = new DateTime(2026, 12, 20),
        };
        request.Members.Add(AdUser("Anna Müller", "anna@contoso.com"));
        request.Members.Add(AdUser("Bob Jones", "bob@contoso.com"));
        return request;
    }

    [Fact]
    public void EveryVariableRenders()
    {
        string text = string.Join("\n", new[]
        {
            "object={{ object }}", "changed_by={{ changed_by }}", "member={{ member }}", "members={{ members | join: ';' }}",
            "owners={{ owners | join: ';' }}", "manager={{ manager }}", "identity_store={{ identity_store }}", "event={{ event }}",
            "date={{ date | format_date: 'yyyy-MM-dd' }}", "days={{ days }}", "portal_url={{ portal_url }}", "language={{ language }}", "findings={{ findings | size }}",
        });

        RenderedContent content = Render(Request(), "s", null, text, portalUrl: "https://portal.contoso.com/");

        string[] lines = content.Text.TrimEnd().Split(new[] { "\r\n" }, StringSplitOptions.None);
        Assert.Equal(new[]
        {
            "object=Sales", "changed_by=Erin Admin", "member=Anna Müller", "members=Anna Müller;Bob Jones",
            "owners=Olga Owner;Otto Owner", "manager=Max Manager", "identity_store=Contoso", "event=MembershipExpiring",
            "date=2026-12-20", "days=14", "portal_url=https://portal.contoso.com/", "language=en-US", "findings=0",
        }, lines);
        Assert.Equal(TemplateVariables.Names.Length, lines.Length);
    }

    [Fact]
    public void EveryPropertyOfAnAdUserShapedObjectRendersCaseInsensitively()
    {
        NotificationRequest request = Request();
        DirectoryObject anna = request.Members[0];
        foreach (KeyValuePair<string, object?> property in anna.Properties)
        {
            string expected = property.Value switch
            {
                null => "",
                object?[] items => string.Join("|", items),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => Convert.ToString(property.Value, CultureInfo.InvariantCulture)!,
            };
            string expression = property.Value switch
            {
                object?[] => $"{{{{ member.{property.Key.ToUpperInvariant()} | join: '|' }}}}",
                DateTime => $"{{{{ member.{property.Key.ToLowerInvariant()} | format_date: 'yyyy-MM-dd HH:mm' }}}}",
                _ => $"{{{{ member.{property.Key.ToLowerInvariant()} }}}}",
            };

            RenderedContent content = Render(request, "s", null, "[" + expression + "]");

            Assert.True($"[{expected}]\r\n" == content.Text, $"{property.Key}: expected [{expected}], got {content.Text}");
        }

        Assert.True(anna.Properties.Count >= 40);
    }

    [Fact]
    public void MultiValuedPropertiesAreArrays()
    {
        RenderedContent content = Render(Request(), "s", null,
            "{{ member.proxyAddresses.size }}|{{ member.proxyaddresses.first }}|{% for a in member.ProxyAddresses %}<{{ a | downcase }}>{% endfor %}|{{ member.memberOf | last }}");

        Assert.Equal("3|SMTP:anna@contoso.com|<smtp:anna@contoso.com><smtp:alias@contoso.com><x500:/o=contoso/ou=exchange/cn=recipients/cn=anna>|CN=VPN,OU=Groups,DC=contoso,DC=com\r\n", content.Text);
    }

    [Fact]
    public void AMissingPropertyOrVariableRendersEmpty()
    {
        var request = new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = new DirectoryObject { Name = "Sales" } };

        RenderedContent content = Render(request, "{{ object.nothing }}x{{ changed_by }}", null, "[{{ object.nothing }}][{{ changed_by.mail }}][{{ date }}][{{ days }}][{{ portal_url }}][{{ member }}]");

        Assert.Equal("x", content.Subject);
        Assert.Equal("[][][][][][]\r\n", content.Text);
        Assert.DoesNotContain("unknown", content.Text);
    }

    [Fact]
    public void HostileValuesAreEncodedAndScriptLinksDropped()
    {
        var request = new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = new DirectoryObject { Name = "<script>alert('x')</script>" } };
        request.Target.Properties["quote"] = "\" onmouseover=\"alert(1)";
        request.Target.Properties["js"] = "javascript:alert(document.cookie)";
        request.Target.Properties["js2"] = " JaVa\tScRiPt:alert(1)";
        request.Target.Properties["data"] = "data:text/html;base64,PHNjcmlwdD4=";
        request.Target.Properties["web"] = "https://portal.contoso.com/a?b=1&c=2";
        request.Target.Properties["mail"] = "mailto:help@contoso.com";

        RenderedContent content = Render(request, "s",
            "<p>{{ object }}</p><a title=\"{{ object.quote }}\" href=\"{{ object.js }}\">a</a><a href=\"{{ object.js2 }}\">b</a><a href='{{ object.data }}'>c</a><a href=\"{{ object.web }}\">d</a><a href=\"{{ object.mail }}\">e</a><img src=\"java&#x09;script:x\">");

        Assert.DoesNotContain("<script>", content.Html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", content.Html);
        Assert.Contains("title=\"&quot; onmouseover=&quot;alert(1)\"", content.Html);
        Assert.DoesNotContain("javascript", content.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ScRiPt:", content.Html);
        Assert.DoesNotContain("data:text", content.Html);
        Assert.Contains("href=\"https://portal.contoso.com/a?b=1&amp;c=2\"", content.Html);
        Assert.Contains("href=\"mailto:help@contoso.com\"", content.Html);
    }

    [Fact]
    public void TheSubjectCannotInjectHeaders()
    {
        var request = new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = new DirectoryObject { Name = "Sales\r\nBcc: victim@example.com\n" } };

        RenderedContent content = Render(request, "{{ object }} changed\r\n", "<p>x</p>");

        Assert.Equal("Sales Bcc: victim@example.com changed", content.Subject);
    }

    [Theory]
    [InlineData("en-US", "Sunday, December 20, 2026|1,234.50")]
    [InlineData("de-DE", "Sonntag, 20. Dezember 2026|1.234,50")]
    [InlineData("ja-JP", "2026年12月20日日曜日|1,234.50")]
    public void DateAndNumberFiltersHonourTheTemplatesCulture(string culture, string expected)
    {
        NotificationRequest request = Request();
        request.Target.Properties["quota"] = 1234.5m;

        RenderedContent content = Render(request, "s", null, "{{ date | format_date: 'D' }}|{{ object.quota | format_number: 'N2' }}", culture);

        Assert.Equal(expected + "\r\n", content.Text);
    }

    [Fact]
    public void TheTextBodyIsDerivedFromTheHtml()
    {
        var request = new NotificationRequest { Event = NotificationEvent.ObjectModified, Target = new DirectoryObject { Name = "Sales" } };
        const string html = "<!DOCTYPE html><html><head><title>t</title><style>p { color: red; }</style></head><body>"
            + "<h1>Sales   changed</h1><p>First line<br>second line with <a href=\"https://portal.contoso.com/\">the portal</a> and <a href=\"mailto:help@contoso.com\">help@contoso.com</a>.</p>"
            + "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol><table><tr><th>Name</th><td>{{ object }}</td></tr></table><script>alert(1)</script></body></html>";

        RenderedContent content = Render(request, "s", html);

        Assert.Equal(string.Join("\r\n",
            "Sales changed",
            "",
            "First line",
            "second line with the portal (https://portal.contoso.com/) and help@contoso.com.",
            "",
            "- one",
            "- two",
            "",
            "1. first",
            "2. second",
            "",
            "Name\tSales") + "\r\n", content.Text);
    }

    [Fact]
    public void ASyntaxErrorNamesLineAndColumn()
    {
        var e = Assert.Throws<MessagingProviderException>(() => LiquidTemplates.Parse("<p>Hello</p>\n<p>{% if object %}\n{{ object | }}</p>", "HTML"));

        Assert.Equal(ErrorIds.NotificationTemplateInvalid, e.ErrorId);
        Assert.Contains("line 3, column", e.Message);
        Assert.Equal(3, e.Data["Line"]);
        Assert.NotNull(e.Data["Column"]);
    }

    [Fact]
    public void AnUnknownTopLevelVariableIsAWarningNotAnError()
    {
        IReadOnlyList<string> warnings = NotificationTemplateChanges.Check(new NotificationTemplate { Subject = "{{ obejct }} changed", Html = "<p>{{ object.anything }} {% assign x = 1 %}{{ x }} {% for m in members %}{{ m.mail }}{% endfor %}</p>" });

        string warning = Assert.Single(warnings);
        Assert.Contains("'obejct'", warning);
    }

    [Fact]
    public void ATemplateOver256KBIsRefused()
    {
        string big = "<p>" + new string('x', 256 * 1024) + "</p>";

        var e = Assert.Throws<MessagingProviderException>(() => NotificationTemplateChanges.Check(new NotificationTemplate { Subject = "s", Html = big }));

        Assert.Equal(ErrorIds.NotificationTemplateTooLarge, e.ErrorId);
        Assert.Contains("256 KB", e.Message);
    }

    [Fact]
    public void EarlierPlaceholdersStillWork()
    {
        NotificationTemplate upgraded = LegacyPlaceholders.Upgrade(new NotificationTemplate { Subject = "{Object} changed", Body = "By {ChangedBy} on {Date}: {Member} ({Event}, {IdentityStore})" });
        NotificationRequest request = Request();

        RenderedContent content = ContentRenderer.Render(new SelectedTemplate(upgraded, CultureInfo.GetCultureInfo("en-US"), true, null), Data(request));

        Assert.Equal("Sales changed", content.Subject);
        Assert.Equal("By Erin Admin on 2026-12-20: Anna Müller, Bob Jones (MembershipExpiring, Contoso)\r\n", content.Text);
        Assert.Contains("<p>By Erin Admin on 2026-12-20: Anna Müller, Bob Jones (MembershipExpiring, Contoso)</p>", content.Html);
        var e = Assert.Throws<MessagingProviderException>(() => LegacyPlaceholders.ToLiquid("{Grop} changed", "Subject"));
        Assert.Contains("{Grop}", e.Message);
        Assert.Equal("{{ object }} {{ x }} {% if a %}", LegacyPlaceholders.ToLiquid("{Object} {{ x }} {% if a %}", "Subject"));
    }

    [Fact]
    public void EveryBuiltInTemplateRendersForItsEvent()
    {
        foreach (NotificationEvent e in TemplateCatalog.AllEvents)
        {
            NotificationRequest request = Request();
            request.Event = e;
            SelectedTemplate selected = TemplateSelector.For(Settings(), e, null);

            RenderedContent content = ContentRenderer.Render(selected, Data(request, portalUrl: "https://portal.contoso.com/"));

            Assert.False(selected.IsCustom);
            Assert.Contains("Sales", content.Subject);
            Assert.StartsWith("<!DOCTYPE html>", content.Html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<html lang=\"en-US\">", content.Html);
            Assert.Contains("<h1", content.Html);
            Assert.DoesNotContain("<img", content.Html);
            Assert.Contains("style=\"", content.Html); // CSS inlined for Outlook
            Assert.Contains("prefers-color-scheme: dark", content.Html);
            Assert.Contains("This notification was sent for the identity store Contoso.", content.Text);
            Assert.DoesNotContain("{{", content.Html + content.Text + content.Subject);
        }
    }
}
