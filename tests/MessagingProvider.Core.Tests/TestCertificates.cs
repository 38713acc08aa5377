using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace MessagingProvider.Core.Tests;

/// <summary>Certificate and key files made on the fly, as administrators would export them.</summary>
public static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string subject, DateTimeOffset notAfter)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
    }

    public static string WritePfx(string directory, string name, string? password, DateTimeOffset? notAfter = null, bool withPrivateKey = true)
    {
        Directory.CreateDirectory(directory);
        using X509Certificate2 certificate = SelfSigned("CN=" + name, notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
        byte[] pfx;
        if (withPrivateKey)
        {
            pfx = certificate.Export(X509ContentType.Pkcs12, password);
        }
        else
        {
            var collection = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
            pfx = collection.Export(X509ContentType.Pkcs12, password)!;
        }

        string path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, pfx);
        return path;
    }

    public static string WriteGoogleJsonKey(string directory, string clientEmail, bool validKey = true)
    {
        Directory.CreateDirectory(directory);
        using RSA rsa = RSA.Create(2048);
        string pem = validKey ? rsa.ExportPkcs8PrivateKeyPem() : "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
        string json = JsonSerializer.Serialize(new
        {
            type = "service_account",
            project_id = "contoso-mail",
            private_key_id = "0123456789abcdef",
            private_key = pem,
            client_email = clientEmail,
            client_id = "1234567890",
        });
        string path = Path.Combine(directory, "google-key.json");
        File.WriteAllText(path, json);
        return path;
    }
}
