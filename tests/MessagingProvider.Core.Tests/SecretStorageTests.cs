using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;

namespace MessagingProvider.Core.Tests;

public sealed class SecretStorageTests
{
    private const string Password = "Exch-P@ssw0rd-7f3a91";
    private const string ClientSecret = "cl1ent~Secret.Value_88d2";

    internal static SecureString Secure(string text) => new System.Net.NetworkCredential("", text).SecurePassword;

    /// <summary>The password as stored in a store's SMTP settings (current-user scope).</summary>
    private static ProtectedSecret Stored(SecretVault vault) =>
        vault.ProtectFor(System.Text.Encoding.UTF8.GetBytes(Password), "contoso/smtp.password", null);

    [Fact]
    public void NoSecretAppearsInPlainTextUnderTheConfigurationDirectory()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Onprem");
        store.Create("Cloud");
        store.Update("Onprem", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.Exchange,
            Domain = "contoso.com",
            Credential = new PSCredential("CONTOSO\\svc-mp", Secure(Password)),
        }, store.Secrets));
        store.Update("Cloud", d => MessagingProviderChanges.Apply(d, new ProviderChange
        {
            Provider = MessagingProviderType.Office365,
            Domain = "contoso.com",
            Organization = "contoso.onmicrosoft.com",
            ApplicationId = Guid.NewGuid().ToString(),
            ClientSecret = Secure(ClientSecret),
        }, store.Secrets));

        foreach (string file in Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            byte[] content = File.ReadAllBytes(file);
            foreach (string secret in new[] { Password, ClientSecret })
            {
                foreach (byte[] form in new[]
                         {
                             Encoding.UTF8.GetBytes(secret),
                             Encoding.Unicode.GetBytes(secret),
                             Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))),
                             Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.Unicode.GetBytes(secret))),
                         })
                {
                    Assert.False(Contains(content, form), $"'{file}' holds a secret in a readable form");
                }
            }
        }

        // And the secrets come back intact, only as credential objects.
        PSCredential credential = store.Secrets.ToCredential("x", store.Get("Onprem").Messaging.Exchange!.Password!);
        Assert.Equal(Password, credential.GetNetworkCredential().Password);
        Assert.Equal(ClientSecret, new System.Net.NetworkCredential("", store.Secrets.UnprotectSecureString(store.Get("Cloud").Messaging.Office365!.ClientSecret!)).Password);
    }

    [Fact]
    public void KeyFileIsOwnerOnlyAndATamperedSecretIsRefused()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        ProtectedSecret secret = Stored(store.Secrets);

        Assert.Equal("aes256gcm-v2", secret.Scheme);
        string keyFile = Path.Combine(dir.Path, "secret.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(32, new FileInfo(keyFile).Length);

        byte[] data = Convert.FromBase64String(secret.Data);
        data[data.Length - 1] ^= 0x01;
        var tampered = new ProtectedSecret { Scheme = secret.Scheme, Data = Convert.ToBase64String(data), Place = secret.Place };
        var error = Assert.Throws<MessagingProviderException>(() => store.Secrets.UnprotectBytes(tampered));
        Assert.Equal(ErrorIds.SecretProtectionFailed, error.ErrorId);
    }

    [Fact]
    public void ADeletedKeyIsReportedAndNeverSilentlyReplacedWhileDecrypting()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path);
        ProtectedSecret secret = Stored(new SecretVault(dir.Path));
        string keyFile = Path.Combine(dir.Path, "secret.key");
        File.Delete(keyFile);

        var error = Assert.Throws<MessagingProviderException>(() => new SecretVault(dir.Path).UnprotectBytes(secret));

        Assert.Equal(ErrorIds.SecretKeyMissing, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains(keyFile, error.Message);
        Assert.False(File.Exists(keyFile));
        Assert.Empty(Directory.GetFiles(dir.Path, "secret.key*"));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite)]
    public void AKeyFileOthersCanReadIsRefused(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path);
        ProtectedSecret secret = Stored(new SecretVault(dir.Path));
        File.SetUnixFileMode(Path.Combine(dir.Path, "secret.key"), mode);

        var error = Assert.Throws<MessagingProviderException>(() => new SecretVault(dir.Path).UnprotectBytes(secret));
        Assert.Equal(ErrorIds.SecretKeyInsecure, error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("chmod 600", error.Message);
        Assert.Throws<MessagingProviderException>(() => Stored(new SecretVault(dir.Path)));
    }

    [Fact]
    public void AKeyFileOwnedByAnotherUserIsRefused()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root") return; // only root can give a file away
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path);
        ProtectedSecret secret = Stored(new SecretVault(dir.Path));
        string keyFile = Path.Combine(dir.Path, "secret.key");
        using (System.Diagnostics.Process chown = System.Diagnostics.Process.Start("chown", new[] { "65534", keyFile })!)
        {
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }

        var error = Assert.Throws<MessagingProviderException>(() => new SecretVault(dir.Path).UnprotectBytes(secret));
        Assert.Equal(ErrorIds.SecretKeyInsecure, error.ErrorId);
        Assert.Contains("belongs to user id 65534", error.Message);
    }

    [Fact]
    public void TheKeyIsCreatedWholeWithNoTemporaryFileLeft()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path);
        Stored(new SecretVault(dir.Path));
        Assert.Equal(new[] { "secret.key" }, Directory.GetFiles(dir.Path, "secret.key*").Select(Path.GetFileName).ToArray());
        Assert.Equal(32, new FileInfo(Path.Combine(dir.Path, "secret.key")).Length);
    }

    [Fact]
    public void EachProtectionUsesAFreshNonce()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var vault = new SecretVault(dir.Path);
        Directory.CreateDirectory(dir.Path);
        Assert.NotEqual(Stored(vault).Data, Stored(vault).Data);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
        }

        return false;
    }
}
