using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MessagingProvider.TestSupport;

/// <summary>A compact JWS as the token endpoints receive it; verifies RS256/PS256 with a public key.</summary>
public sealed class SignedJwt
{
    private readonly string _signingInput;
    private readonly byte[] _signature;

    private SignedJwt(JsonElement header, JsonElement payload, string signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        _signingInput = signingInput;
        _signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public string Algorithm => Header.GetProperty("alg").GetString() ?? "";

    public static SignedJwt? TryParse(string? compact)
    {
        if (string.IsNullOrEmpty(compact)) return null;
        string[] parts = compact.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            JsonElement header = JsonDocument.Parse(Base64Url(parts[0])).RootElement.Clone();
            JsonElement payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement.Clone();
            return new SignedJwt(header, payload, parts[0] + "." + parts[1], Base64Url(parts[2]));
        }
        catch (Exception e) when (e is FormatException || e is JsonException)
        {
            return null;
        }
    }

    public bool VerifySignature(RSA publicKey)
    {
        byte[] data = Encoding.ASCII.GetBytes(_signingInput);
        return Algorithm switch
        {
            "RS256" => publicKey.VerifyData(data, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "PS256" => publicKey.VerifyData(data, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => false,
        };
    }

    public string? Claim(string name) =>
        Payload.TryGetProperty(name, out JsonElement value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()) : null;

    public string? HeaderValue(string name) =>
        Header.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim; MSAL writes them as JSON strings, which servers accept too.</summary>
    public DateTimeOffset? Time(string claim)
    {
        if (!Payload.TryGetProperty(claim, out JsonElement value)) return null;
        long seconds;
        bool ok = value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out seconds)
            : long.TryParse(value.GetString(), out seconds);
        return ok ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    public static byte[] Base64Url(string text)
    {
        string s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        return Convert.FromBase64String(s);
    }

    public static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
