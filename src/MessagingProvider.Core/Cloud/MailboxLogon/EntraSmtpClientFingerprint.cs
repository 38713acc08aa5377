using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Configuration;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// A digest of everything a test message depends on: the app registration, the smart host and the
/// mailbox sign-in. A test counts for Enable-EntraSmtpClient only while the digest is unchanged.
/// </summary>
public static class EntraSmtpClientFingerprint
{
    public static string Of(EntraSmtpClientSettings s)
    {
        // The protected form of the secret, never the secret: Set-EntraSmtpClient keeps it as it
        // was when the same secret is given again, so only a different secret changes it.
        string text = string.Join("\n",
            s.TenantId.ToLowerInvariant(),
            s.ClientId.ToLowerInvariant(),
            s.ClientSecret?.Data ?? "",
            s.SmartHost.ToLowerInvariant(),
            s.Port.ToString(CultureInfo.InvariantCulture),
            s.Security.ToString(),
            s.AuthorityHost.ToLowerInvariant(),
            s.SkipCertificateCheck ? "skip" : "check",
            string.Join(",", s.CertificateThumbprints.Select(t => t.ToUpperInvariant()).OrderBy(t => t, StringComparer.Ordinal)),
            s.MailboxUser?.ToLowerInvariant() ?? "",
            s.SignedIn?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
        using SHA256 sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        return string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>True when the last test succeeded with exactly these settings and this sign-in.</summary>
    public static bool LastTestPassed(EntraSmtpClientSettings s) =>
        s.LastTest is { Succeeded: true } test && test.Fingerprint == Of(s);
}
