using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Core.Tests;

public sealed class MailAccountsTests
{
    [Theory]
    [InlineData("contoso-com.mail.protection.outlook.com.", EmailProvider.Office365, "*.mail.protection.outlook.com")]
    [InlineData("ASPMX.L.GOOGLE.COM", EmailProvider.GoogleWorkspace, "aspmx.l.google.com")]
    [InlineData("alt2.aspmx.l.google.com", EmailProvider.GoogleWorkspace, "*.google.com")]
    [InlineData("alt1.gmail-smtp-in.l.google.com", EmailProvider.Gmail, "*.gmail-smtp-in.l.google.com")]
    [InlineData("eur.olc.protection.outlook.com", EmailProvider.OutlookCom, "*.olc.protection.outlook.com")]
    public void KnownHostsMatchBySuffixOrExactNameIgnoringCaseAndTheRootDot(string host, EmailProvider provider, string pattern)
    {
        Assert.True(KnownMailHosts.TryMatch(host, out string matched, out EmailProvider found));
        Assert.Equal(provider, found);
        Assert.Equal(pattern, matched);
    }

    [Theory]
    [InlineData("mail.protection.outlook.com")] // the suffix alone is no tenant host
    [InlineData("evilmail.protection.outlook.com.example")]
    [InlineData("notgoogle.com")]
    [InlineData("mx.contoso.com")]
    public void OtherHostsAreNotKnown(string host) =>
        Assert.False(KnownMailHosts.TryMatch(host, out _, out _));

    [Theory]
    [InlineData("10.0.0.53", "10.0.0.53:53")]
    [InlineData(" 127.0.0.1:5353 ", "127.0.0.1:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    public void DnsServersParseWithOptionalPorts(string text, string endpoint) =>
        Assert.Equal(endpoint, DnsServerAddress.Parse(text).ToString());

    [Theory]
    [InlineData("dns.contoso.com")]
    [InlineData("10.0.0.53:0")]
    [InlineData("10.0.0.53:65536")]
    [InlineData("[::1]x")]
    [InlineData("")]
    public void BadDnsServersAreRefused(string text) =>
        Assert.Equal(ErrorIds.InvalidDnsServer, Assert.Throws<MessagingProviderException>(() => DnsServerAddress.Parse(text)).ErrorId);

    [Fact]
    public void DefaultPortsFollowTheTlsModeButChosenPortsStay()
    {
        using var temp = new TempDirectory();
        var vault = new SecretVault(temp.Path);
        var mail = new MailSettings();
        MailServerEntry server = MailServerChanges.Create(mail, "S", new MailServerDefinition { ServiceType = MailServiceType.ImapSmtp, ServiceAddress = "mail.contoso.com", Receive = true }, vault);
        Assert.Equal((993, 587), (server.ImapPort, server.SmtpPort));

        MailServerChanges.Update(mail, "s", new MailServerDefinition { ImapTls = MailTlsMode.StartTls, SmtpTls = MailTlsMode.Tls }, vault);
        Assert.Equal((143, 465), (server.ImapPort, server.SmtpPort));

        MailServerChanges.Update(mail, "S", new MailServerDefinition { ImapPort = 1143 }, vault);
        MailServerChanges.Update(mail, "S", new MailServerDefinition { ImapTls = MailTlsMode.Tls, SmtpTls = MailTlsMode.None }, vault);
        Assert.Equal((1143, 25), (server.ImapPort, server.SmtpPort));
    }

    [Theory]
    [InlineData(MailLoginFormat.EmailAddress, "Anna.Lee@Contoso.com")]
    [InlineData(MailLoginFormat.MailboxName, "Anna.Lee")]
    public void LoginsFollowTheServersFormat(MailLoginFormat format, string login) =>
        Assert.Equal(login, MailAccountChanges.DeriveLogin(new MailServerEntry { Name = "S", LoginFormat = format }, "Anna.Lee@Contoso.com", null));

    [Fact]
    public void APinnedCertificateIsTrustedDespiteItsChainButNeverDespiteItsName()
    {
        using RSA rsa = RSA.Create(2048);
        using X509Certificate2 cert = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        string sha256 = Convert.ToHexString(SHA256.HashData(cert.RawData));

        var unpinned = new ServerCertificatePolicy(null);
        Assert.True(unpinned.Validate(this, cert, null, SslPolicyErrors.None));
        Assert.False(unpinned.Validate(this, cert, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains("-TrustedCertificateThumbprint " + ServerCertificatePolicy.Sha256Thumbprint(cert), unpinned.Rejection);

        var bySha1 = new ServerCertificatePolicy(new[] { cert.Thumbprint.ToLowerInvariant() });
        Assert.True(bySha1.Validate(this, cert, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(bySha1.Validate(this, cert, null, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));

        var bySha256WithColons = new ServerCertificatePolicy(new[] { string.Join(":", System.Text.RegularExpressions.Regex.Split(sha256, "(?<=\\G..)(?!$)")) });
        Assert.True(bySha256WithColons.Validate(this, cert, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(bySha256WithColons.Validate(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void AServerInUseCannotBeRemovedAndNothingChanges()
    {
        using var temp = new TempDirectory();
        System.IO.Directory.CreateDirectory(temp.Path);
        var vault = new SecretVault(temp.Path);
        var mail = new MailSettings();
        MailServerChanges.Create(mail, "S", new MailServerDefinition { ServiceType = MailServiceType.Exchange, ServiceAddress = "ews.contoso.com", Send = true, LoginFormat = MailLoginFormat.EmailAddress }, vault);
        ProviderDomainChanges.Add(mail, "contoso.com", "s");
        MailAccountChanges.Create(mail, "anna@contoso.com", null, null, new NetworkCredential("", "P@ss").SecurePassword, vault);

        var error = Assert.Throws<MessagingProviderException>(() => MailServerChanges.Remove(mail, "S"));
        Assert.Equal(ErrorIds.MailServerInUse, error.ErrorId);
        Assert.Contains("anna@contoso.com", error.Message);
        Assert.Contains("contoso.com ", error.Message);
        Assert.Single(mail.Servers);

        MailAccountChanges.Remove(mail, "ANNA@contoso.com");
        ProviderDomainChanges.Remove(mail, "contoso.com.");
        MailServerChanges.Remove(mail, "S");
        Assert.Empty(mail.Servers);
    }
}
