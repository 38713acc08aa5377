using System;
using System.IO;
using MessagingProvider.Errors;
using Microsoft.Data.Sqlite;

namespace MessagingProvider.Notifications.Outbox;

/// <summary>
/// Opens an identity store's outbox database: created readable by its owner only, WAL journal
/// (readers never block the one writer), a busy timeout so concurrent jobs wait instead of
/// failing, and the schema created or refused when it is newer than this module knows.
/// </summary>
/// <remarks>
/// synchronous=NORMAL in WAL mode: a committed transaction survives the process being killed
/// (kill -9) at any instant; only an operating-system crash may lose the last commits.
/// </remarks>
internal static class OutboxDatabase
{
    public const int SchemaVersion = 2;
    private static readonly object InitSync = new object();
    private static bool _initialized;

    public static SqliteConnection Open(string path, TimeSpan busyTimeout)
    {
        EnsureProvider();
        CreateOwnerOnly(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            Migrate(connection, path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void EnsureProvider()
    {
        lock (InitSync)
        {
            if (_initialized) return;
            SQLitePCL.Batteries_V2.Init();
            _initialized = true;
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
#if NET
            // 0600 from the start (the -wal and -shm files SQLite creates take the same mode); on Windows the profile's ACL applies.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (new FileStream(path, options))
#else
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
#endif
            {
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        long version = (long)Scalar(connection, "PRAGMA user_version;")!;
        if (version > SchemaVersion)
        {
            throw new MessagingProviderException(ErrorIds.OutboxVersionUnsupported, ErrorKind.InvalidData,
                $"The outbox '{path}' has schema version {version}, newer than this module's {SchemaVersion}: it was written by a newer MessagingProvider. Update the module; the outbox was not changed.", path);
        }

        if (version < 1)
        {
            Execute(connection, @"
CREATE TABLE IF NOT EXISTS message (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL,
    event TEXT NOT NULL,
    object TEXT NOT NULL,
    subject TEXT NOT NULL,
    transport INTEGER NOT NULL,
    recipients TEXT NOT NULL,
    mime BLOB,
    state INTEGER NOT NULL,
    created INTEGER NOT NULL,
    next_attempt INTEGER NOT NULL,
    completed INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_reply TEXT,
    queue_id TEXT,
    error_id TEXT,
    possible_duplicate INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_expires INTEGER
);
CREATE INDEX IF NOT EXISTS message_due ON message (state, next_attempt);
CREATE INDEX IF NOT EXISTS message_completed ON message (completed);
PRAGMA user_version = 1;");
        }

        if (version < 2)
        {
            // Version 2 keeps the MIME of unfinished messages in a table of its own, deleted when a
            // message is final. In the message row itself, MIME set to NULL left each row alone on
            // a mostly empty page (SQLite does not merge them), about 4 KB of file per message kept
            // as history once a connection sent while the next message was committed.
            Execute(connection, @"
CREATE TABLE message_mime (
    id INTEGER PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
    mime BLOB NOT NULL
);
INSERT INTO message_mime (id, mime) SELECT id, mime FROM message WHERE mime IS NOT NULL;
ALTER TABLE message DROP COLUMN mime;
PRAGMA user_version = 2;");
        }

        transaction.Commit();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
