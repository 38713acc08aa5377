using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Cloud.Tests;

/// <summary>Google Workspace settings as Set-MessagingProvider stores them (keys imported by GoogleKeyImporter), pointed at the stand-in.</summary>
public sealed class GoogleTestSettings : IDisposable
{
    private readonly TempDirectory _directory = new TempDirectory();

    public GoogleTestSettings()
    {
        Directory.CreateDirectory(_directory.Path);
        Vault = new SecretVault(_directory.Path);
    }

    public SecretVault Vault { get; }

    private string Files => Path.Combine(_directory.Path, "files");

    /// <summary>A P12 key as the Google Cloud console exports it (password notasecret); returns its public key.</summary>
    public GoogleWorkspaceSettings WithP12Key(GoogleStandIn google, out RSA publicKey)
    {
        string p12 = TestCertificates.WritePfx(Files, "google-sa-" + Guid.NewGuid().ToString("N").Substring(0, 6), "notasecret");
        using X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12FromFile(p12, "notasecret");
        publicKey = certificate.GetRSAPublicKey()!;
        return Import(google, p12);
    }

    /// <summary>A JSON key as the Google Cloud console exports it; returns its public key.</summary>
    public GoogleWorkspaceSettings WithJsonKey(GoogleStandIn google, out RSA publicKey)
    {
        string json = TestCertificates.WriteGoogleJsonKey(Path.Combine(Files, Guid.NewGuid().ToString("N")), google.ServiceAccount);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        using RSA full = RSA.Create();
        full.ImportFromPem(document.RootElement.GetProperty("private_key").GetString());
        publicKey = RSA.Create();
        publicKey.ImportParameters(full.ExportParameters(false));
        return Import(google, json);
    }

    private GoogleWorkspaceSettings Import(GoogleStandIn google, string keyPath)
    {
        var settings = new GoogleWorkspaceSettings
        {
            ServiceAccount = google.ServiceAccount,
            AdminUser = google.AdminUser,
            TokenEndpoint = google.TokenEndpoint,
            DirectoryApiEndpoint = google.DirectoryApi,
        };
        GoogleKeyImporter.Import(keyPath, null, Vault, settings);
        return settings;
    }

    public void Dispose() => _directory.Dispose();
}
