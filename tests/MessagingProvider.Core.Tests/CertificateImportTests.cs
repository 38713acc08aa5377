using System;
using System.IO;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Core.Tests;

public sealed class CertificateImportTests
{
    [Fact]
    public void PfxWithPasswordIsImportedEncrypted()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WritePfx(dir.Path, "mp-app", "pfx-pass", DateTimeOffset.UtcNow.AddDays(200));
        var vault = new SecretVault(dir.Path);

        StoredCertificate stored = CertificateImporter.Import(path, SecretStorageTests.Secure("pfx-pass"), vault);
        Assert.Equal("CN=mp-app", stored.Subject);
        Assert.Equal(40, stored.Thumbprint.Length);
        Assert.InRange((stored.NotAfter - DateTimeOffset.UtcNow).TotalDays, 198, 201);
        Assert.NotEqual(Convert.ToBase64String(File.ReadAllBytes(path)), stored.Pfx.Data);

        using var reopened = vault.OpenCertificate(stored);
        Assert.True(reopened.HasPrivateKey);
        Assert.Equal(stored.Thumbprint, reopened.Thumbprint);
    }

    [Fact]
    public void WrongPasswordIsReportedAsSuch()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WritePfx(dir.Path, "mp-app", "right");
        var error = Assert.Throws<MessagingProviderException>(() => CertificateImporter.Import(path, SecretStorageTests.Secure("wrong"), new SecretVault(dir.Path)));
        Assert.Equal(ErrorIds.CertificatePasswordIncorrect, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void CertificateWithoutPrivateKeyIsRefused()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WritePfx(dir.Path, "public-only", "pw", withPrivateKey: false);
        var error = Assert.Throws<MessagingProviderException>(() => CertificateImporter.Import(path, SecretStorageTests.Secure("pw"), new SecretVault(dir.Path)));
        Assert.Equal(ErrorIds.CertificateHasNoPrivateKey, error.ErrorId);
    }

    [Fact]
    public void NonCertificateFileAndMissingFileAreDistinguished()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path);
        string text = Path.Combine(dir.Path, "notes.txt");
        File.WriteAllText(text, "hello");
        var vault = new SecretVault(dir.Path);

        Assert.Equal(ErrorIds.CertificateFileInvalid, Assert.Throws<MessagingProviderException>(() => CertificateImporter.Import(text, null, vault)).ErrorId);
        Assert.Equal(ErrorIds.FileNotFound, Assert.Throws<MessagingProviderException>(() => CertificateImporter.Import(Path.Combine(dir.Path, "none.pfx"), null, vault)).ErrorId);
    }

    [Fact]
    public void GoogleP12UsesNotasecretByDefault()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WritePfx(dir.Path, "svc@contoso-mail.iam.gserviceaccount.com", GoogleKeyImporter.DefaultP12Password);
        var settings = new GoogleWorkspaceSettings();
        GoogleKeyImporter.Import(path, null, new SecretVault(dir.Path), settings);

        Assert.Equal(GoogleKeyType.P12, settings.KeyType);
        Assert.NotNull(settings.Key);
        Assert.NotNull(settings.KeyPassword);
        Assert.Equal(40, settings.KeyId!.Length);
    }

    [Fact]
    public void GoogleJsonKeyIsCheckedAndFillsTheServiceAccount()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WriteGoogleJsonKey(dir.Path, "svc@contoso-mail.iam.gserviceaccount.com");
        var settings = new GoogleWorkspaceSettings();
        GoogleKeyImporter.Import(path, null, new SecretVault(dir.Path), settings);

        Assert.Equal(GoogleKeyType.Json, settings.KeyType);
        Assert.Equal("0123456789abcdef", settings.KeyId);
        Assert.Equal("svc@contoso-mail.iam.gserviceaccount.com", settings.ServiceAccount);
        Assert.Null(settings.KeyPassword);
    }

    [Fact]
    public void GoogleJsonKeyThatDoesNotLoadIsRefused()
    {
        using var dir = new TempDirectory();
        string path = TestCertificates.WriteGoogleJsonKey(dir.Path, "svc@contoso-mail.iam.gserviceaccount.com", validKey: false);
        var error = Assert.Throws<MessagingProviderException>(() => GoogleKeyImporter.Import(path, null, new SecretVault(dir.Path), new GoogleWorkspaceSettings()));
        Assert.Equal(ErrorIds.KeyFileInvalid, error.ErrorId);
    }
}
