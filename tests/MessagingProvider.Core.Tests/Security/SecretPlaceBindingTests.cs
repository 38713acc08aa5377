using System;
using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Core.Tests.Security;

/// <summary>
/// Each encrypted value is bound to its identity store and field: someone who can write the JSON
/// cannot move the Exchange password into smtp.password (and point SMTP at their own host).
/// </summary>
public sealed class SecretPlaceBindingTests
{
    private const string ExchangePassword = "Exch-P@ssw0rd-7f3a91";
    private const string SmtpPassword = "Smtp-P@ssw0rd-c41e";

    internal static ConfigurationStore StoreWithTwoSecrets(TempDirectory dir)
    {
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        store.Update("Contoso", d =>
        {
            MessagingProviderChanges.Apply(d, new ProviderChange
            {
                Provider = MessagingProviderType.Exchange,
                Domain = "contoso.com",
                Credential = new PSCredential(@"CONTOSO\svc", SecretStorageTests.Secure(ExchangePassword)),
            }, store.Secrets);
            d.Smtp = SmtpServerChanges.Apply(d.Smtp, new SmtpServerChange
            {
                Server = "smtp.contoso.com", Port = 587, From = "notify@contoso.com",
                Authentication = SmtpAuthentication.Basic, UserName = "notify@contoso.com", Password = SecretStorageTests.Secure(SmtpPassword),
            }, store.Secrets);
        });
        return store;
    }

    private static string Plain(ConfigurationStore store, ProtectedSecret secret) =>
        new System.Net.NetworkCredential("", store.Secrets.UnprotectSecureString(secret)).Password;

    [Fact]
    public void SecretsAreStoredBoundToTheirStoreAndField()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = StoreWithTwoSecrets(dir);

        IdentityStoreDocument document = store.Get("Contoso");

        Assert.Equal("aes256gcm-v2", document.Messaging.Exchange!.Password!.Scheme);
        Assert.Equal("contoso/messaging.exchange.password", document.Messaging.Exchange.Password.Place);
        Assert.Equal("contoso/smtp.password", document.Smtp!.Password!.Place);
        Assert.Equal(ExchangePassword, Plain(store, document.Messaging.Exchange.Password));
        Assert.Equal(SmtpPassword, Plain(store, document.Smtp.Password));
        Assert.DoesNotContain("place", File.ReadAllText(store.PathOf("Contoso")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SwappingTwoEncryptedValuesInTheFileMakesDecryptionFailClearly()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = StoreWithTwoSecrets(dir);
        string path = store.PathOf("Contoso");
        JsonNode json = JsonNode.Parse(File.ReadAllText(path))!;
        JsonNode exchange = json["messaging"]!["exchange"]!["password"]!;
        JsonNode smtp = json["smtp"]!["password"]!;
        string exchangeData = exchange["data"]!.GetValue<string>();
        exchange["data"] = smtp["data"]!.GetValue<string>();
        smtp["data"] = exchangeData;
        File.WriteAllText(path, json.ToJsonString());

        IdentityStoreDocument document = store.Get("Contoso");
        var error = Assert.Throws<MessagingProviderException>(() => store.Secrets.UnprotectBytes(document.Smtp!.Password!));

        Assert.Equal(ErrorIds.SecretProtectionFailed, error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("'contoso/smtp.password'", error.Message);
        Assert.Contains("copied from another field or store", error.Message);
        Assert.Throws<MessagingProviderException>(() => store.Secrets.UnprotectBytes(document.Messaging.Exchange!.Password!));
    }

    [Fact]
    public void AValueCopiedFromAnotherStoreIsRefused()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = StoreWithTwoSecrets(dir);
        store.Create("Fabrikam");
        store.Update("Fabrikam", d => d.Smtp = SmtpServerChanges.Apply(d.Smtp, new SmtpServerChange
        {
            Server = "smtp.fabrikam.com", Port = 587, From = "notify@fabrikam.com",
            Authentication = SmtpAuthentication.Basic, UserName = "notify@fabrikam.com", Password = SecretStorageTests.Secure("other"),
        }, store.Secrets));
        JsonNode contoso = JsonNode.Parse(File.ReadAllText(store.PathOf("Contoso")))!;
        JsonNode fabrikam = JsonNode.Parse(File.ReadAllText(store.PathOf("Fabrikam")))!;
        fabrikam["smtp"]!["password"]!["data"] = contoso["smtp"]!["password"]!["data"]!.GetValue<string>();
        File.WriteAllText(store.PathOf("Fabrikam"), fabrikam.ToJsonString());

        var error = Assert.Throws<MessagingProviderException>(() => store.Secrets.UnprotectBytes(store.Get("Fabrikam").Smtp!.Password!));
        Assert.Contains("'fabrikam/smtp.password'", error.Message);
    }

    [Fact]
    public void AnUnboundValueOfAnOlderStoreIsReadAndBoundOnTheNextWrite()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = StoreWithTwoSecrets(dir);
        // As the module wrote it before binding: aes256gcm-v1, no place.
        ProtectedSecret legacy = AesGcmSecretProtector.ForUser(dir.Path).ProtectUnbound(System.Text.Encoding.UTF8.GetBytes(SmtpPassword));
        Assert.Equal("aes256gcm-v1", legacy.Scheme);
        string path = store.PathOf("Contoso");
        JsonNode json = JsonNode.Parse(File.ReadAllText(path))!;
        json["smtp"]!["password"] = new JsonObject { ["scheme"] = legacy.Scheme, ["data"] = legacy.Data };
        File.WriteAllText(path, json.ToJsonString());

        Assert.Equal(SmtpPassword, Plain(store, store.Get("Contoso").Smtp!.Password!));

        store.Update("Contoso", d => d.Notifications.To.Add("audit@contoso.com"));
        IdentityStoreDocument rewritten = store.Get("Contoso");
        Assert.Equal("aes256gcm-v2", rewritten.Smtp!.Password!.Scheme);
        Assert.Equal(SmtpPassword, Plain(store, rewritten.Smtp.Password));
    }

    [Fact]
    public void MailAccountsAreBoundByAddressSoRemovingOneKeepsTheOthersReadable()
    {
        var document = new IdentityStoreDocument { Name = "Contoso" };
        document.Mail.Accounts.Add(new MailAccountEntry { EmailAddress = "Anna@contoso.com", Password = new ProtectedSecret() });
        document.Mail.Accounts.Add(new MailAccountEntry { EmailAddress = "ben@contoso.com", Password = new ProtectedSecret() });
        document.Mail.Servers.Add(new MailServerEntry { Name = "Contoso IMAP", ClientSecret = new ProtectedSecret() });

        var places = SecretPlaces.Of(document).ConvertAll(p => p.Place);

        Assert.Contains("contoso/mail.accounts[anna@contoso.com].password", places);
        Assert.Contains("contoso/mail.accounts[ben@contoso.com].password", places);
        Assert.Contains("contoso/mail.servers[contoso imap].clientSecret", places);
    }
}
