using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// Keeps MSAL's user token cache (the mailbox's refresh token) in one file, encrypted with the
/// configuration's secret protection, so scheduled jobs keep sending without a person signing in.
/// </summary>
internal sealed class EncryptedTokenCache
{
    private readonly string _path;
    private readonly SecretVault _vault;
    private readonly Func<IDisposable>? _storeLock;
    private readonly SecretProtectionSettings? _protection;
    private readonly object _gate = new object();

    private EncryptedTokenCache(string path, SecretVault vault, Func<IDisposable>? storeLock, SecretProtectionSettings? protection)
    {
        _path = path;
        _vault = vault;
        _storeLock = storeLock;
        _protection = protection;
    }

    private string Place => ConfigurationStore.TokenCachePlace(_path);

    public static void Bind(ITokenCache cache, string path, SecretVault vault, Func<IDisposable>? storeLock = null, SecretProtectionSettings? protection = null)
    {
        var file = new EncryptedTokenCache(path, vault, storeLock, protection);
        cache.SetBeforeAccess(file.BeforeAccess);
        cache.SetAfterAccess(file.AfterAccess);
    }

    private void BeforeAccess(TokenCacheNotificationArgs args)
    {
        lock (_gate)
        {
            if (!File.Exists(_path))
            {
                args.TokenCache.DeserializeMsalV3(null);
                return;
            }

            byte[] plain = Array.Empty<byte>();
            try
            {
                var secret = JsonSerializer.Deserialize<ProtectedSecret>(File.ReadAllBytes(_path))
                    ?? throw new JsonException("empty cache file");
                secret.Place = Place;
                plain = _vault.UnprotectBytes(secret);
                args.TokenCache.DeserializeMsalV3(plain);
            }
            catch (Exception e) when (e is JsonException || e is CryptographicException || e is IOException || e is MsalClientException)
            {
                throw new MessagingProviderException(ErrorIds.MailboxTokenCacheUnreadable, ErrorKind.InvalidData,
                    $"The mailbox sign-in cache '{_path}' cannot be read ({e.Message}). Sign in to the mailbox again.", _path, e);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }
    }

    private void AfterAccess(TokenCacheNotificationArgs args)
    {
        if (!args.HasStateChanged) return;
        lock (_gate)
        {
            byte[] plain = args.TokenCache.SerializeMsalV3();
            try
            {
                ProtectedSecret secret = _vault.ProtectFor(plain, Place, _protection);
                // Under the identity store's lock: Remove-IdentityStore cannot delete the store
                // between this write and the next, leaving a sign-in behind for a store that is gone.
                using (_storeLock?.Invoke())
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                    AtomicFile.Write(_path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(secret)), groupReadable: SecretProtectionSettings.ScopeOf(_protection) != SecretProtectionScope.CurrentUser);
                }
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }
    }
}
