using System;
using System.IO;
using System.Management.Automation;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Core.Tests;

public sealed class ProviderConfiguratorTests
{
    private static (ConfigurationStore Store, TempDirectory Dir) NewStore()
    {
        var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        return (store, dir);
    }

    private static IdentityStoreDocument Apply(ConfigurationStore store, ProviderChange change) =>
        store.Update("Contoso", d => MessagingProviderChanges.Apply(d, change, store.Secrets));

    [Fact]
    public void ExchangeNeedsDomainAndCredential()
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            var error = Assert.Throws<MessagingProviderException>(() => Apply(store, new ProviderChange { Provider = MessagingProviderType.Exchange, Domain = "contoso.com" }));
            Assert.Equal(ErrorIds.ProviderSettingsIncomplete, error.ErrorId);
            Assert.Contains("-Credential", error.Message);
            Assert.Equal(MessagingProviderType.None, store.Get("Contoso").Messaging.Provider);
        }
    }

    [Fact]
    public void SameProviderKeepsWhatWasNotGiven()
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            Apply(store, new ProviderChange
            {
                Provider = MessagingProviderType.Exchange,
                Domain = "contoso.com",
                Credential = new PSCredential("svc", SecretStorageTests.Secure("pw")),
                Servers = new[] { "exch01.contoso.com" },
                Authentication = ExchangeAuthentication.Negotiate,
            });
            IdentityStoreDocument after = Apply(store, new ProviderChange
            {
                Provider = MessagingProviderType.Exchange,
                ExcludedSmtpDomains = new[] { "legacy.contoso.com" },
                GivenParameters = new[] { "ExcludedSmtpDomain" },
            });

            ExchangeSettings exchange = after.Messaging.Exchange!;
            Assert.Equal("contoso.com", exchange.Domain);
            Assert.Equal("svc", exchange.UserName);
            Assert.Equal(ExchangeAuthentication.Negotiate, exchange.Authentication);
            Assert.Equal("exch01.contoso.com", Assert.Single(exchange.Servers).Name);
            Assert.Equal("legacy.contoso.com", Assert.Single(exchange.ExcludedSmtpDomains));
        }
    }

    [Fact]
    public void ChangingProviderDiscardsTheOldSettings()
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            Apply(store, new ProviderChange { Provider = MessagingProviderType.Other, Domain = "googlegroups.com", MaximumAliasLength = 20 });
            Assert.True(MessagingProviderChanges.DiscardsSettings(store.Get("Contoso").Messaging, MessagingProviderType.None));
            IdentityStoreDocument after = Apply(store, new ProviderChange { Provider = MessagingProviderType.None });
            Assert.Null(after.Messaging.Other);
            Assert.Equal(MessagingProviderType.None, after.Messaging.Provider);
        }
    }

    [Theory]
    [InlineData(MessagingProviderType.Other, "Credential")]
    [InlineData(MessagingProviderType.Exchange, "AliasPattern")]
    [InlineData(MessagingProviderType.None, "Domain")]
    [InlineData(MessagingProviderType.GoogleWorkspace, "ClientSecret")]
    public void ParametersOfAnotherProviderAreRefused(MessagingProviderType provider, string parameter)
    {
        var error = Assert.Throws<MessagingProviderException>(() => ProviderParameters.RequireFit(provider, new[] { "IdentityStore", "Provider", parameter }));
        Assert.Equal(ErrorIds.ParameterNotValidForProvider, error.ErrorId);
        Assert.Contains("-" + parameter, error.Message);
    }

    [Theory]
    [InlineData("Domain", "not a domain", ErrorIds.InvalidDomainName)]
    [InlineData("Domain", "contoso", ErrorIds.InvalidDomainName)]
    [InlineData("ApplicationId", "abc", ErrorIds.InvalidApplicationId)]
    [InlineData("Organization", "contoso onmicrosoft", ErrorIds.InvalidDomainName)]
    public void Office365ValuesAreValidated(string field, string value, string errorId)
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            var change = new ProviderChange
            {
                Provider = MessagingProviderType.Office365,
                Domain = "contoso.com",
                Organization = "contoso.onmicrosoft.com",
                ApplicationId = Guid.NewGuid().ToString(),
                ClientSecret = SecretStorageTests.Secure("s"),
            };
            typeof(ProviderChange).GetProperty(field)!.SetValue(change, value);
            byte[] before = File.ReadAllBytes(store.PathOf("Contoso"));
            Assert.Equal(errorId, Assert.Throws<MessagingProviderException>(() => Apply(store, change)).ErrorId);
            Assert.Equal(before, File.ReadAllBytes(store.PathOf("Contoso")));
        }
    }

    [Fact]
    public void Office365NeedsASecretOrACertificate()
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            var error = Assert.Throws<MessagingProviderException>(() => Apply(store, new ProviderChange
            {
                Provider = MessagingProviderType.Office365,
                Domain = "contoso.com",
                Organization = "contoso.onmicrosoft.com",
                ApplicationId = Guid.NewGuid().ToString(),
            }));
            Assert.Contains("-ClientSecret, -CertificatePath, -CertificateThumbprint or -ManagedIdentity", error.Message);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void MaximumAliasLengthIsBounded(int length)
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            var error = Assert.Throws<MessagingProviderException>(() => Apply(store, new ProviderChange { Provider = MessagingProviderType.Other, Domain = "example.com", MaximumAliasLength = length }));
            Assert.Equal(ErrorIds.InvalidMaximumAliasLength, error.ErrorId);
        }
    }

    [Fact]
    public void ExchangeBasicWithoutSslIsRefusedAndNothingIsWritten()
    {
        var (store, dir) = NewStore();
        using (dir)
        {
            var credential = new PSCredential(@"CONTOSO\svc", new System.Net.NetworkCredential("", "P@ss").SecurePassword);
            byte[] before = File.ReadAllBytes(store.PathOf("Contoso"));
            var error = Assert.Throws<MessagingProviderException>(() => Apply(store, new ProviderChange
            {
                Provider = MessagingProviderType.Exchange, Domain = "contoso.com", Credential = credential, Authentication = ExchangeAuthentication.Basic,
            }));
            Assert.Equal(ErrorIds.ExchangeBasicRequiresSsl, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(before, File.ReadAllBytes(store.PathOf("Contoso")));

            Apply(store, new ProviderChange { Provider = MessagingProviderType.Exchange, Domain = "contoso.com", Credential = credential, Authentication = ExchangeAuthentication.Basic, UseSsl = true });
            byte[] protectedBasic = File.ReadAllBytes(store.PathOf("Contoso"));
            var downgrade = Assert.Throws<MessagingProviderException>(() => Apply(store, new ProviderChange { Provider = MessagingProviderType.Exchange, UseSsl = false }));
            Assert.Equal(ErrorIds.ExchangeBasicRequiresSsl, downgrade.ErrorId);
            Assert.Equal(protectedBasic, File.ReadAllBytes(store.PathOf("Contoso")));
        }
    }
}
