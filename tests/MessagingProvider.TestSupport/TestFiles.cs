using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace MessagingProvider.TestSupport;

/// <summary>Certificate and key files made on the fly, as administrators would export them.</summary>
public static class TestFiles
{
    public static string Pfx(string directory, string name, string password, DateTimeOffset notAfter)
    {
        Directory.CreateDirectory(directory);
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
        string path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public static string GoogleJsonKey(string directory, string clientEmail)
    {
        Directory.CreateDirectory(directory);
        using RSA rsa = RSA.Create(2048);
        string path = Path.Combine(directory, "google-key.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            type = "service_account",
            private_key_id = "0123456789abcdef",
            private_key = rsa.ExportPkcs8PrivateKeyPem(),
            client_email = clientEmail,
        }));
        return path;
    }

    /// <summary>The public half of a JSON key's private key, as Google holds it.</summary>
    public static RSA PublicKeyOf(string jsonKey)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(jsonKey));
        using RSA full = RSA.Create();
        full.ImportFromPem(document.RootElement.GetProperty("private_key").GetString());
        RSA publicKey = RSA.Create();
        publicKey.ImportParameters(full.ExportParameters(false));
        return publicKey;
    }
}
