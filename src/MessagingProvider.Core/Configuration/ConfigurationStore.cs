using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

/// <summary>
/// Reads and writes identity-store documents. Every change is a locked read-modify-write that
/// ends in an atomic replace, and nothing is written when the change throws, so a failed
/// command leaves the stored file byte-for-byte as it was.
/// </summary>
public sealed class ConfigurationStore
{
    private const string Extension = ".json";
    private const string LockFolder = ".locks";

    public ConfigurationStore(string directoryPath)
    {
        DirectoryPath = directoryPath;
        Secrets = new SecretVault(directoryPath);
    }

    public static ConfigurationStore OpenDefault() => new ConfigurationStore(ConfigurationLocation.Resolve());

    public string DirectoryPath { get; }

    public SecretVault Secrets { get; }

    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string PathOf(string name) => Path.Combine(DirectoryPath, IdentityStoreName.FileKey(name) + Extension);

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Every identity store, sorted by name. A corrupt document is reported through <paramref name="onError"/>, not skipped silently.</summary>
    public IReadOnlyList<IdentityStoreDocument> List(Action<MessagingProviderException>? onError = null)
    {
        var result = new List<IdentityStoreDocument>();
        if (!Directory.Exists(DirectoryPath)) return result;

        string[] files = Directory.GetFiles(DirectoryPath, "*" + Extension);
        Array.Sort(files, StringComparer.OrdinalIgnoreCase);
        foreach (string file in files)
        {
            try
            {
                result.Add(ReadFile(file));
            }
            catch (MessagingProviderException e) when (onError is not null)
            {
                onError(e);
            }
        }

        return result;
    }

    public IdentityStoreDocument Get(string name)
    {
        IdentityStoreName.Validate(name);
        string path = PathOf(name);
        if (!File.Exists(path)) throw NotFound(name);
        return ReadFile(path);
    }

    public IdentityStoreDocument Create(string name, CancellationToken cancellationToken = default)
    {
        IdentityStoreName.Validate(name);
        EnsureDirectory();
        using (AcquireLock(name, cancellationToken))
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                throw new MessagingProviderException(ErrorIds.IdentityStoreAlreadyExists, ErrorKind.AlreadyExists,
                    $"The identity store '{name}' already exists. Use Get-IdentityStore to see it, or choose another name.", name);
            }

            DateTimeOffset now = DateTimeOffset.UtcNow;
            var document = new IdentityStoreDocument { Name = name, Created = now, Modified = now };
            Write(path, document, reprotectAll: false);
            return document;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current document under the cross-process lock.
    /// When the change throws, nothing is written.
    /// </summary>
    public IdentityStoreDocument Update(string name, Action<IdentityStoreDocument> change, CancellationToken cancellationToken = default)
    {
        IdentityStoreName.Validate(name);
        string path = PathOf(name);
        if (!File.Exists(path)) throw NotFound(name);
        EnsureDirectory();
        using (AcquireLock(name, cancellationToken))
        {
            if (!File.Exists(path)) throw NotFound(name);
            IdentityStoreDocument document = ReadFile(path);
            string protectionBefore = ProtectionOf(document);
            change(document);
            bool protectionChanged = ProtectionOf(document) != protectionBefore;
            document.SchemaVersion = IdentityStoreDocument.CurrentSchemaVersion;
            document.Modified = DateTimeOffset.UtcNow;
            Write(path, document, reprotectAll: protectionChanged);
            if (protectionChanged) ReprotectTokenCache(document);
            return document;
        }
    }

    /// <summary>
    /// Writes an imported document as the store <see cref="IdentityStoreDocument.Name"/>: creates it,
    /// or replaces it whole when <paramref name="replace"/>. Its secrets are protected with the
    /// document's own protection scope in the same single write.
    /// </summary>
    public IdentityStoreDocument Import(IdentityStoreDocument document, bool replace, CancellationToken cancellationToken = default)
    {
        IdentityStoreName.Validate(document.Name);
        EnsureDirectory();
        using (AcquireLock(document.Name, cancellationToken))
        {
            string path = PathOf(document.Name);
            bool exists = File.Exists(path);
            if (exists && !replace)
            {
                throw new MessagingProviderException(ErrorIds.IdentityStoreAlreadyExists, ErrorKind.AlreadyExists,
                    $"The identity store '{document.Name}' already exists. Add -Force to replace it with the file's settings, or import it under another name with -Name.", document.Name);
            }

            string? protectionBefore = exists ? ProtectionOf(ReadFile(path)) : null;
            document.SchemaVersion = IdentityStoreDocument.CurrentSchemaVersion;
            document.Modified = DateTimeOffset.UtcNow;
            Write(path, document, reprotectAll: true);
            if (protectionBefore is not null && protectionBefore != ProtectionOf(document)) ReprotectTokenCache(document);
            return document;
        }
    }

    /// <summary>
    /// Removes the store's document and, under the same lock, its companion files (the Entra ID
    /// SMTP client's sign-in cache). Returns the companion files removed.
    /// </summary>
    public IReadOnlyList<string> Remove(string name, CancellationToken cancellationToken = default)
    {
        IdentityStoreName.Validate(name);
        string path = PathOf(name);
        if (!File.Exists(path)) throw NotFound(name);
        using (AcquireLock(name, cancellationToken))
        {
            try
            {
                File.Delete(path);
                return DeleteCompanions(name).Concat(DeleteOutbox(name)).ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Unavailable(e);
            }
        }
    }

    /// <summary>The encrypted sign-in cache of one identity store's Entra ID SMTP client.</summary>
    public string TokenCachePath(string name) =>
        Path.Combine(DirectoryPath, "tokens", IdentityStoreName.FileKey(name) + ".entra-smtp.bin");

    /// <summary>
    /// Holds the store's lock, the one <see cref="Update"/> takes, while a companion file of the
    /// store is written: a removal or an update never interleaves with it. Not re-entrant.
    /// </summary>
    public IDisposable Lock(string name, CancellationToken cancellationToken = default)
    {
        IdentityStoreName.Validate(name);
        EnsureDirectory();
        return AcquireLock(name, cancellationToken);
    }

    /// <summary>Deletes the store's sign-in cache under the store's lock; true when there was one.</summary>
    public bool DeleteTokenCache(string name, CancellationToken cancellationToken = default)
    {
        using (Lock(name, cancellationToken))
        {
            try
            {
                return DeleteCompanions(name).Count > 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Unavailable(e);
            }
        }
    }

    /// <summary>The sign-in cache follows the store's protection, so a job that can read the store can use the sign-in.</summary>
    private void ReprotectTokenCache(IdentityStoreDocument document)
    {
        string cache = TokenCachePath(document.Name);
        if (!File.Exists(cache)) return;
        try
        {
            ProtectedSecret secret = JsonSerializer.Deserialize<ProtectedSecret>(File.ReadAllBytes(cache))
                ?? throw new JsonException("empty cache file");
            secret.Place = TokenCachePlace(cache);
            byte[] plain = Secrets.UnprotectBytes(secret);
            try
            {
                ProtectedSecret reprotected = Secrets.ProtectFor(plain, secret.Place, document.Protection);
                AtomicFile.Write(cache, JsonSerializer.SerializeToUtf8Bytes(reprotected), groupReadable: SecretProtectionSettings.ScopeOf(document.Protection) != SecretProtectionScope.CurrentUser);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }
        catch (Exception e) when (e is JsonException || e is MessagingProviderException || e is IOException || e is UnauthorizedAccessException)
        {
            // A cache that cannot be carried over is only a sign-in to repeat; never one left readable by the old scope.
            File.Delete(cache);
        }
    }

    /// <summary>Where a sign-in cache's secret is bound: its file, so a cache copied over another store's fails to decrypt.</summary>
    public static string TokenCachePlace(string cachePath) => "tokens/" + Path.GetFileName(cachePath);

    private List<string> DeleteCompanions(string name)
    {
        var removed = new List<string>();
        string cache = TokenCachePath(name);
        if (File.Exists(cache))
        {
            File.Delete(cache);
            removed.Add(cache);
        }

        return removed;
    }

    /// <summary>The store's notification outbox (Notifications.Outbox.NotificationOutbox.PathFor) and its WAL files.</summary>
    private IEnumerable<string> DeleteOutbox(string name)
    {
        string outbox = Path.Combine(DirectoryPath, "outbox", IdentityStoreName.FileKey(name) + ".db");
        foreach (string file in new[] { outbox, outbox + "-wal", outbox + "-shm" })
        {
            if (!File.Exists(file)) continue;
            File.Delete(file);
            yield return file;
        }
    }

    internal IdentityStoreDocument ReadFile(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw NotFound(Path.GetFileNameWithoutExtension(path));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        return Deserialize(path, content);
    }

    internal static IdentityStoreDocument Deserialize(string path, byte[] content)
    {
        try
        {
            using (JsonDocument probe = JsonDocument.Parse(content))
            {
                if (probe.RootElement.ValueKind != JsonValueKind.Object ||
                    !probe.RootElement.TryGetProperty("schemaVersion", out JsonElement version) ||
                    version.ValueKind != JsonValueKind.Number)
                {
                    throw Corrupt(path, "it has no \"schemaVersion\" number at the top level", null);
                }

                int schemaVersion = version.GetInt32();
                if (schemaVersion > IdentityStoreDocument.CurrentSchemaVersion)
                {
                    throw new MessagingProviderException(ErrorIds.ConfigurationVersionUnsupported, ErrorKind.NotSupported,
                        $"The configuration file '{path}' has schema version {schemaVersion}, newer than this module understands ({IdentityStoreDocument.CurrentSchemaVersion}). Update the MessagingProvider module; the file was left untouched.",
                        path);
                }
            }

            IdentityStoreDocument? document = JsonSerializer.Deserialize<IdentityStoreDocument>(content, ConfigurationJson.Options);
            if (document is null) throw Corrupt(path, "it is empty", null);
            SecretPlaces.Assign(document);
            return document;
        }
        catch (JsonException e)
        {
            string where = e.LineNumber.HasValue
                ? $"at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}"
                : "at an unknown position";
            throw Corrupt(path, $"it is not valid {where}: {FirstSentence(e.Message)}", e);
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end + 1);
    }

    private static string ProtectionOf(IdentityStoreDocument document) =>
        JsonSerializer.Serialize(document.Protection, ConfigurationJson.Options);

    /// <summary>
    /// Binds the secrets to their places with the store's protection and replaces the file in one
    /// step, so a change of protection re-protects every secret or none. A store other accounts may
    /// read (LocalMachine, Certificate) is written readable by the file's group.
    /// </summary>
    private void Write(string path, IdentityStoreDocument document, bool reprotectAll)
    {
        SecretPlaces.Bind(document, Secrets, reprotectAll);
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(document, ConfigurationJson.Options);
        bool shared = SecretProtectionSettings.ScopeOf(document.Protection) != SecretProtectionScope.CurrentUser;
        try
        {
            AtomicFile.Write(path, content, groupReadable: shared);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    private IDisposable AcquireLock(string name, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(DirectoryPath, LockFolder);
        try
        {
            Directory.CreateDirectory(folder);
            return StoreFileLock.Acquire(Path.Combine(folder, IdentityStoreName.FileKey(name) + ".lock"), LockTimeout, cancellationToken);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unavailable(e);
        }
        catch (IOException e) when (!(e is FileNotFoundException))
        {
            throw Unavailable(e);
        }
    }

    private void EnsureDirectory()
    {
        try
        {
            if (Directory.Exists(DirectoryPath)) return;
            Directory.CreateDirectory(DirectoryPath);
#if NET
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                File.SetUnixFileMode(DirectoryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
#endif
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
        {
            throw Unavailable(e);
        }
    }

    private MessagingProviderException Unavailable(Exception e) =>
        new MessagingProviderException(ErrorIds.ConfigurationDirectoryUnavailable, ErrorKind.PermissionDenied,
            $"The configuration directory '{DirectoryPath}' cannot be used: {e.Message} Make it writable for this user, or point {ConfigurationLocation.EnvironmentVariable} at a directory that is.",
            DirectoryPath, e);

    private static MessagingProviderException NotFound(string name) =>
        new MessagingProviderException(ErrorIds.IdentityStoreNotFound, ErrorKind.NotFound,
            $"There is no identity store named '{name}'. Run Get-IdentityStore to list them, or New-IdentityStore to create it.", name);

    private static MessagingProviderException Corrupt(string path, string why, Exception? inner) =>
        new MessagingProviderException(ErrorIds.ConfigurationCorrupt, ErrorKind.InvalidData,
            $"The configuration file '{path}' is damaged: {why}. It was not changed; repair it or restore it from a backup.", path, inner);
}
