using System;
using System.IO;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Core.Tests;

public sealed class CloudEndpointTests
{
    [Theory]
    [InlineData(CloudEnvironment.Global, "https://login.microsoftonline.com/", "https://graph.microsoft.com/", "https://outlook.office365.com/", "smtp.office365.com")]
    [InlineData(CloudEnvironment.USGovGCCHigh, "https://login.microsoftonline.us/", "https://graph.microsoft.us/", "https://outlook.office365.us/", "smtp.office365.us")]
    [InlineData(CloudEnvironment.USGovDoD, "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us/", "https://outlook-dod.office365.us/", "outlook-dod.office365.us")]
    [InlineData(CloudEnvironment.China, "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/", "https://partner.outlook.cn/", "smtp.partner.outlook.cn")]
    public void EachCloudHasItsEndpoints(CloudEnvironment cloud, string authority, string graph, string exchange, string smtp)
    {
        CloudEndpoints endpoints = CloudTable.For(cloud);
        Assert.Equal(authority, endpoints.AuthorityHost.ToString());
        Assert.Equal(graph, endpoints.GraphEndpoint.ToString());
        Assert.Equal(exchange, endpoints.ExchangeOnlineEndpoint.ToString());
        Assert.Equal(smtp, endpoints.SmtpHost);
    }

    [Theory]
    [InlineData(CloudEnvironment.Global, "https://outlook.office.com/SMTP.Send")]
    [InlineData(CloudEnvironment.USGovGCCHigh, "https://outlook.office365.us/SMTP.Send")]
    [InlineData(CloudEnvironment.USGovDoD, "https://outlook.office365.us/SMTP.Send")]
    [InlineData(CloudEnvironment.China, "https://partner.outlook.cn/SMTP.Send")]
    public void TheMailboxLogonAsksForTheSmtpPermissionOfItsCloud(CloudEnvironment cloud, string scope)
    {
        Assert.Equal(scope, MessagingProvider.Cloud.MailboxLogon.MailboxLogon.SmtpScopeFor(CloudTable.For(cloud).AuthorityHost));
    }

    [Fact]
    public void AStandInSignInHostGetsTheGlobalSmtpPermission()
    {
        Assert.Equal("https://outlook.office.com/SMTP.Send", MessagingProvider.Cloud.MailboxLogon.MailboxLogon.SmtpScopeFor(new Uri("https://127.0.0.1:5001/")));
    }

    [Fact]
    public void AuthorityAndScopeAreBuiltFromTheEndpoints()
    {
        CloudEndpoints global = CloudTable.For(CloudEnvironment.Global);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/", global.Authority("contoso.onmicrosoft.com").ToString());
        Assert.Equal("https://outlook.office365.com/.default", CloudEndpoints.DefaultScope(global.ExchangeOnlineEndpoint));
        Assert.Equal("https://127.0.0.1:5443/.default", CloudEndpoints.DefaultScope(new Uri("https://127.0.0.1:5443/")));
    }

    [Fact]
    public void OverridesAreStoredAndReplaceOnlyWhatTheyName()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        store.Update("Contoso", d => MessagingProviderChanges.Apply(d, Office365Change(c =>
        {
            c.AuthorityHost = "https://127.0.0.1:5443";
            c.ExchangeOnlineEndpoint = "https://127.0.0.1:5444/";
        }), store.Secrets));

        Office365Settings stored = store.Get("Contoso").Messaging.Office365!;
        CloudEndpoints resolved = CloudTable.Resolve(stored);
        Assert.Equal("https://127.0.0.1:5443/", resolved.AuthorityHost.ToString());
        Assert.Equal("https://127.0.0.1:5444/", resolved.ExchangeOnlineEndpoint.ToString());
        Assert.Equal("https://graph.microsoft.us/", resolved.GraphEndpoint.ToString());

        // An empty string removes one override; when none is left, nothing is stored.
        store.Update("Contoso", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.Office365,
            AuthorityHost = "",
            GivenParameters = new[] { "AuthorityHost" },
        }, store.Secrets));
        Assert.Equal("https://login.microsoftonline.us/", CloudTable.Resolve(store.Get("Contoso").Messaging.Office365!).AuthorityHost.ToString());
        store.Update("Contoso", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.Office365,
            ExchangeOnlineEndpoint = "",
            GivenParameters = new[] { "ExchangeOnlineEndpoint" },
        }, store.Secrets));
        Assert.Null(store.Get("Contoso").Messaging.Office365!.Endpoints);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5443")]
    [InlineData("127.0.0.1:5443")]
    [InlineData("https://login.example.com/?x=1")]
    [InlineData("not a url")]
    public void BadOverridesAreRefusedAndChangeNothing(string value)
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        byte[] before = File.ReadAllBytes(store.PathOf("Contoso"));
        var error = Assert.Throws<MessagingProviderException>(() =>
            store.Update("Contoso", d => MessagingProviderChanges.Apply(d, Office365Change(c => c.GraphEndpoint = value), store.Secrets)));
        Assert.Equal(ErrorIds.InvalidEndpoint, error.ErrorId);
        Assert.Contains("-GraphEndpoint", error.Message);
        Assert.Equal(before, File.ReadAllBytes(store.PathOf("Contoso")));
    }

    [Fact]
    public void GoogleEndpointsAreGooglesUnlessOverridden()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("G");
        string key = TestCertificates.WriteGoogleJsonKey(System.IO.Path.Combine(dir.Path, "files"), "mp@contoso-mail.iam.gserviceaccount.com");
        store.Update("G", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.GoogleWorkspace,
            AdminUser = "admin@contoso.com",
            KeyPath = key,
            TokenEndpoint = "https://127.0.0.1:5443/token",
            DirectoryApiEndpoint = "https://127.0.0.1:5444",
        }, store.Secrets));
        GoogleWorkspaceSettings google = store.Get("G").Messaging.GoogleWorkspace!;
        Assert.Equal("https://127.0.0.1:5443/token", GoogleWorkspace.GoogleEndpoints.TokenEndpoint(google).ToString());
        Assert.Equal("https://127.0.0.1:5444/", GoogleWorkspace.GoogleEndpoints.DirectoryApi(google).ToString());

        store.Update("G", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.GoogleWorkspace,
            TokenEndpoint = "",
            DirectoryApiEndpoint = "",
            GivenParameters = new[] { "TokenEndpoint", "DirectoryApiEndpoint" },
        }, store.Secrets));
        google = store.Get("G").Messaging.GoogleWorkspace!;
        Assert.Equal("https://oauth2.googleapis.com/token", GoogleWorkspace.GoogleEndpoints.TokenEndpoint(google).ToString());
        Assert.Equal("https://admin.googleapis.com/", GoogleWorkspace.GoogleEndpoints.DirectoryApi(google).ToString());
    }

    private static ProviderChange Office365Change(Action<ProviderChange> adjust)
    {
        var change = new ProviderChange
        {
            Provider = MessagingProviderType.Office365,
            Cloud = CloudEnvironment.USGovGCCHigh,
            Domain = "contoso.com",
            Organization = "contoso.onmicrosoft.com",
            ApplicationId = Guid.NewGuid().ToString(),
            ClientSecret = SecretStorageTests.Secure("s"),
        };
        adjust(change);
        return change;
    }
}
