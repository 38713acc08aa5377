using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MimeKit;
using static MessagingProvider.Core.Tests.Notifications.Templates.TemplateTestData;

namespace MessagingProvider.Core.Tests.Notifications.Templates;

/// <summary>Which template and language each recipient gets, and the messages that makes.</summary>
public sealed class TemplateSelectionTests
{
    private static NotificationSettings WithCultures(params string[] cultures)
    {
        NotificationSettings settings = Settings();
        foreach (string culture in cultures)
        {
            NotificationTemplateChanges.Set(settings, NotificationEvent.MemberAdded, culture, new NotificationTemplate { Subject = culture + ": {{ object }}", Html = "<p>" + culture + "</p>" });
        }

        return settings;
    }

    private static string Chosen(NotificationSettings settings, PropertyBag? recipient) => TemplateSelector.For(settings, NotificationEvent.MemberAdded, recipient).Name;

    [Fact]
    public void TheRecipientsPropertiesAreReadInTheDocumentedOrder()
    {
        NotificationSettings settings = WithCultures("de-DE", "fr-FR", "ja-JP", "nl-NL");

        Assert.Equal("custom de-DE", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "de-DE", ["msExchUserCulture"] = "fr-FR", ["c"] = "JP" }));
        Assert.Equal("custom fr-FR", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "", ["msExchUserCulture"] = "fr-FR", ["c"] = "JP" }));
        Assert.Equal("custom nl-NL", Chosen(settings, new PropertyBag { ["Languages"] = new object?[] { "nl-NL", "en-US" }, ["c"] = "JP" }));
        Assert.Equal("custom ja-JP", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "sv-SE", ["c"] = "JP", ["co"] = "Germany" }));
        Assert.Equal("custom de-DE", Chosen(settings, new PropertyBag { ["co"] = "Germany" }));
        Assert.Equal("custom de-DE", Chosen(settings, new PropertyBag { ["PREFERREDLANGUAGE"] = "de-AT" })); // same language
        Assert.Equal("built-in en-US", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "sv-SE", ["c"] = "SE" }));
        Assert.Equal("built-in en-US", Chosen(settings, null));
    }

    [Fact]
    public void WithoutAnAnswerTheStoresDefaultCultureThenItsAnyLanguageTemplateThenBuiltInEnglish()
    {
        NotificationSettings settings = WithCultures("de-DE");
        var silent = new PropertyBag { ["DisplayName"] = "Sam" };
        Assert.Equal("built-in en-US", Chosen(settings, silent));

        settings.DefaultCulture = "de-DE";
        Assert.Equal("custom de-DE", Chosen(settings, silent));

        settings.DefaultCulture = "fr-FR";
        settings.Templates[NotificationEvent.MemberAdded] = new NotificationTemplate { Subject = "any", Html = "<p>any</p>" };
        SelectedTemplate any = TemplateSelector.For(settings, NotificationEvent.MemberAdded, silent);
        Assert.Equal("custom (any language) fr-FR", any.Name);
        Assert.Equal("fr-FR", any.Culture.Name);
        // A store template for any language stands in for the built-in English one, even for English readers.
        Assert.Equal("custom (any language) fr-FR", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "en-US" }));
        Assert.Equal("custom de-DE", Chosen(settings, new PropertyBag { ["preferredLanguage"] = "de-DE" }));
    }

    [Fact]
    public void RecipientsWithDifferentLanguagesGetDifferentMultipartMessages()
    {
        NotificationSettings settings = WithCultures("de-DE", "ja-JP");
        settings.CultureTemplates!["de-DE"][NotificationEvent.MemberAdded] = new NotificationTemplate { Subject = "Grüße: {{ member }} ist in {{ object }}", Html = "<p>Hallo {{ member.givenName }}</p>" };
        settings.CultureTemplates["ja-JP"][NotificationEvent.MemberAdded] = new NotificationTemplate { Subject = "日本語: {{ object }}", Html = "<p>こんにちは</p>", Text = "こんにちは {{ member }}" };
        settings.To.Add("admin@contoso.com");
        settings.Policy.NotifyAddedMembers = true;
        var request = new NotificationRequest { Event = NotificationEvent.MemberAdded, Target = AdGroup("Sales", "sales@contoso.com") };
        request.Members.Add(AdUser("Anna Müller", "anna@contoso.com", "de-DE"));
        request.Members.Add(AdUser("Kenji Sato", "kenji@contoso.com", "ja-JP"));
        request.Members.Add(AdUser("Dieter Bohlen", "dieter@contoso.com", "de-DE"));
        ResolvedRecipients recipients = RecipientResolver.Resolve(request, settings);

        IReadOnlyList<RenderedNotification> messages = NotificationRenderer.Render("Contoso", "notify@contoso.com", request, recipients, settings);

        Assert.Equal(new[] { "built-in en-US", "custom de-DE", "custom ja-JP" }, messages.Select(m => m.Content.TemplateName));
        Assert.Equal(new[] { "admin@contoso.com" }, messages[0].Recipients.All);
        Assert.Equal(new[] { "anna@contoso.com", "dieter@contoso.com" }, messages[1].Recipients.All);
        Assert.Equal(new[] { "kenji@contoso.com" }, messages[2].Recipients.All);
        Assert.Equal("Grüße: Anna Müller ist in Sales", messages[1].Message.Subject);
        Assert.Equal("日本語: Sales", messages[2].Message.Subject);
        foreach (RenderedNotification one in messages)
        {
            Assert.IsType<MultipartAlternative>(one.Message.Body); // as built, not only as parsed back: Graph reads HtmlBody from it
            Assert.NotNull(one.Message.HtmlBody);
            MimeMessage message = Reload(one.Message);
            var alternative = Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Equal(2, alternative.Count);
            Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
            Assert.Equal("text/html", alternative[1].ContentType.MimeType);
            Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset));
            Assert.Equal("MemberAdded", message.Headers["X-MessagingProvider-Event"]);
            Assert.Equal(one.Message.Subject, message.Subject);
        }

        Assert.Equal("Hallo Anna", Reload(messages[1].Message).TextBody.TrimEnd());
        Assert.Equal("こんにちは Anna Müller", Reload(messages[2].Message).TextBody.TrimEnd());
    }

    private static MimeMessage Reload(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }
}
