using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MessagingProvider.Configuration;
using MessagingProvider.Configuration.Portable;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Core.Tests.Security;

/// <summary>
/// A store's protection scope: a change re-protects every secret in one write or none, a CMS
/// envelope refuses altered content, and a secret a command was given never reaches the disk as it is.
/// </summary>
public sealed class ProtectionScopeTests
{
    private static X509Certificate2 NewEncryptionCertificate(string name)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, "p"), "p", X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
    }

    /// <summary>Holds <paramref name="certificate"/> with its key in this account's personal store for the test's duration.</summary>
    private sealed class HeldCertificate : IDisposable
    {
        private readonly X509Certificate2 _certificate;

        public HeldCertificate(X509Certificate2 certificate)
        {
            _certificate = certificate;
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Add(certificate);
        }

        public void Dispose()
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(_certificate);
        }
    }

    private static SecretProtectionSettings ProtectedFor(X509Certificate2 certificate) =>
        StoreProtectionRules.Build(SecretProtectionScope.Certificate, new[] { certificate }, null, DateTimeOffset.UtcNow)!;

    [Fact]
    public void ASecretGivenToACommandIsNeverStoredAsItIs()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = SecretPlaceBindingTests.StoreWithTwoSecrets(dir);
        string text = File.ReadAllText(store.PathOf("Contoso"));
        Assert.DoesNotContain(ProcessSecretProtector.SchemeName, text);
        Assert.Equal(2, SecretPlaces.Of(store.Get("Contoso")).Count(s => s.Secret.Scheme == AesGcmSecretProtector.UserScheme));
    }

    [Fact]
    public void AChangeOfScopeThatCannotReadOneSecretWritesNothing()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = SecretPlaceBindingTests.StoreWithTwoSecrets(dir);
        string path = store.PathOf("Contoso");
        JsonNode json = JsonNode.Parse(File.ReadAllText(path))!;
        byte[] data = Convert.FromBase64String(json["smtp"]!["password"]!["data"]!.GetValue<string>());
        data[^1] ^= 0x01;
        json["smtp"]!["password"]!["data"] = Convert.ToBase64String(data);
        File.WriteAllText(path, json.ToJsonString());
        byte[] before = File.ReadAllBytes(path);
        using X509Certificate2 certificate = NewEncryptionCertificate("MP Atomic");

        var error = Assert.Throws<MessagingProviderException>(() => store.Update("Contoso", d => d.Protection = ProtectedFor(certificate)));

        Assert.Equal(ErrorIds.SecretProtectionFailed, error.ErrorId);
        Assert.Contains("'contoso/smtp.password'", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void AnAlteredEnvelopeIsRefusedEvenByAHolderOfTheKey()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = SecretPlaceBindingTests.StoreWithTwoSecrets(dir);
        using X509Certificate2 certificate = NewEncryptionCertificate("MP Altered");
        using var held = new HeldCertificate(certificate);
        store.Update("Contoso", d => d.Protection = ProtectedFor(certificate));
        ProtectedSecret password = store.Get("Contoso").Smtp!.Password!;
        Assert.Equal(CertificateSecretProtector.SchemeName, password.Scheme);
        Assert.NotEmpty(store.Secrets.UnprotectBytes(password));

        // Flipping a bit of the last ciphertext block changes the decrypted digest (or its padding).
        byte[] envelope = Convert.FromBase64String(password.Data);
        envelope[^20] ^= 0x01;
        var altered = new ProtectedSecret { Scheme = password.Scheme, Data = Convert.ToBase64String(envelope), Place = password.Place };
        var error = Assert.Throws<MessagingProviderException>(() => new SecretVault(dir.Path).UnprotectBytes(altered));
        Assert.Equal(ErrorIds.SecretProtectionFailed, error.ErrorId);
    }

    [Fact]
    public void AnExportOfANewerSchemaIsRefusedEvenWhenItIsAuthentic()
    {
        using var dir = new TempDirectory();
        var document = new IdentityStoreDocument { Name = "Contoso", SchemaVersion = IdentityStoreDocument.CurrentSchemaVersion + 1 };
        using var password = new System.Net.NetworkCredential("", "export-password-1").SecurePassword;
        byte[] file = StoreExporter.Export(document, new SecretVault(dir.Path), new StoreExportProtection { Password = password }, DateTimeOffset.UtcNow);

        var error = Assert.Throws<MessagingProviderException>(() => StoreImporter.Read(file, "contoso.json", password));

        Assert.Equal(ErrorIds.StoreExportVersionUnsupported, error.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, error.Kind);
        Assert.Contains($"configuration schema {IdentityStoreDocument.CurrentSchemaVersion + 1}", error.Message);
    }

    [Fact]
    public void ImportedSecretsAreHeldOnlyForThisProcessUntilWritten()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        ConfigurationStore store = SecretPlaceBindingTests.StoreWithTwoSecrets(dir);
        using var password = new System.Net.NetworkCredential("", "export-password-1").SecurePassword;
        byte[] file = StoreExporter.Export(store.Get("Contoso"), store.Secrets, new StoreExportProtection { Password = password }, DateTimeOffset.UtcNow);
        Assert.DoesNotContain("Smtp-P@ssw0rd-c41e", Encoding.UTF8.GetString(file));

        IdentityStoreDocument read = StoreImporter.Read(file, "contoso.json", password);
        List<(ProtectedSecret Secret, string Place)> secrets = SecretPlaces.Of(read);
        Assert.All(secrets, s => Assert.Equal(ProcessSecretProtector.SchemeName, s.Secret.Scheme));
        Assert.Equal("Smtp-P@ssw0rd-c41e", Encoding.UTF8.GetString(store.Secrets.UnprotectBytes(read.Smtp!.Password!)));
    }
}
