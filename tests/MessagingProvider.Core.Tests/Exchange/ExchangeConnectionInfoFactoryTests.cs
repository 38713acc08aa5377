using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange.Remoting;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

/// <summary>The production connection, field by field (the tests reach stand-ins over named pipes instead).</summary>
public sealed class ExchangeConnectionInfoFactoryTests
{
    private static readonly PSCredential Credential = new PSCredential(@"CONTOSO\svc-exchange", new System.Net.NetworkCredential("", "P@ss").SecurePassword);

    [Fact]
    public void HttpKerberosConnectionUsesTheExchangeEndpointAndStoredTimeouts()
    {
        var settings = new ExchangeSettings { Authentication = ExchangeAuthentication.Kerberos };

        WSManConnectionInfo info = ExchangeConnectionInfoFactory.CreateWSMan("exch01.contoso.com", settings, Credential);

        Assert.Equal(new Uri("http://exch01.contoso.com/PowerShell/"), info.ConnectionUri);
        Assert.Equal("http", info.Scheme);
        Assert.Equal(80, info.Port);
        Assert.Equal("http://schemas.microsoft.com/powershell/Microsoft.Exchange", info.ShellUri);
        Assert.Equal(AuthenticationMechanism.Kerberos, info.AuthenticationMechanism);
        Assert.Same(Credential, info.Credential);
        Assert.Equal(30_000, info.OpenTimeout);
        Assert.Equal(180_000, info.OperationTimeout);
        Assert.False(info.SkipCACheck);
        Assert.False(info.SkipCNCheck);
        Assert.False(info.SkipRevocationCheck);
    }

    [Theory]
    [InlineData(ExchangeAuthentication.Default, AuthenticationMechanism.Default)]
    [InlineData(ExchangeAuthentication.Negotiate, AuthenticationMechanism.Negotiate)]
    [InlineData(ExchangeAuthentication.Kerberos, AuthenticationMechanism.Kerberos)]
    [InlineData(ExchangeAuthentication.CredSSP, AuthenticationMechanism.Credssp)]
    public void AuthenticationComesFromTheStore(ExchangeAuthentication stored, AuthenticationMechanism expected)
    {
        var settings = new ExchangeSettings { Authentication = stored };
        Assert.Equal(expected, ExchangeConnectionInfoFactory.CreateWSMan("exch01.contoso.com", settings, Credential).AuthenticationMechanism);
    }

    [Fact]
    public void BasicGoesOverHttpsOnly()
    {
        var plain = new ExchangeSettings { Authentication = ExchangeAuthentication.Basic };
        var error = Assert.Throws<MessagingProvider.Errors.MessagingProviderException>(() => ExchangeConnectionInfoFactory.CreateWSMan("exch01.contoso.com", plain, Credential));
        Assert.Equal("ExchangeBasicRequiresSsl", error.ErrorId);
        Assert.Contains("-UseSsl", error.Message);

        var protectedBasic = new ExchangeSettings { Authentication = ExchangeAuthentication.Basic, UseSsl = true };
        WSManConnectionInfo info = ExchangeConnectionInfoFactory.CreateWSMan("exch01.contoso.com", protectedBasic, Credential);
        Assert.Equal(AuthenticationMechanism.Basic, info.AuthenticationMechanism);
        Assert.Equal("https", info.Scheme);
    }

    [Fact]
    public void SkippingTheCertificateCheckKeepsTheNameCheck()
    {
        var settings = new ExchangeSettings { UseSsl = true };
        settings.Connection.SkipCertificateCheck = true;

        WSManConnectionInfo info = ExchangeConnectionInfoFactory.CreateWSMan("exch02.contoso.com", settings, Credential);

        Assert.True(info.SkipCACheck);
        Assert.True(info.SkipRevocationCheck);
        Assert.False(info.SkipCNCheck);
        string? warning = ExchangeTransportSecurity.CertificateWarning(settings.Connection);
        Assert.Contains("authority check is OFF (the name is still checked)", warning);
        Assert.Null(ExchangeTransportSecurity.CertificateWarning(new ExchangeConnectionOptions()));
    }

    [Fact]
    public void HttpsWithRelaxedCertificateChecksOnlyWhenConfigured()
    {
        var settings = new ExchangeSettings { UseSsl = true, Authentication = ExchangeAuthentication.Negotiate };
        settings.Connection.OpenTimeoutSeconds = 7;
        settings.Connection.OperationTimeoutSeconds = 60;
        settings.Connection.HttpsPort = 8443;
        settings.Connection.SkipCertificateCheck = true;
        settings.Connection.SkipCertificateNameCheck = true;

        WSManConnectionInfo info = ExchangeConnectionInfoFactory.CreateWSMan("exch02.contoso.com", settings, Credential);

        Assert.Contains("authority and name checks are OFF", ExchangeTransportSecurity.CertificateWarning(settings.Connection));
        Assert.Equal(new Uri("https://exch02.contoso.com:8443/PowerShell/"), info.ConnectionUri);
        Assert.Equal(AuthenticationMechanism.Negotiate, info.AuthenticationMechanism);
        Assert.Equal(7_000, info.OpenTimeout);
        Assert.Equal(60_000, info.OperationTimeout);
        Assert.True(info.SkipCACheck);
        Assert.True(info.SkipCNCheck);
        Assert.True(info.SkipRevocationCheck);
    }

    [Fact]
    public void WithoutTheTestSeamTheRunnerConnectsOverWSMan()
    {
        var settings = new ExchangeSettings();
        RunspaceConnectionInfo info = ExchangeConnectionInfoFactory.Create("exch01.contoso.com", settings, () => Credential);
        Assert.IsType<WSManConnectionInfo>(info);
    }
}
