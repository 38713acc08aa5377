using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using Microsoft.Data.Sqlite;

namespace MessagingProvider.Notifications.Outbox;

/// <summary>
/// The durable queue and history of one identity store's notifications
/// (&lt;configuration directory&gt;/outbox/&lt;store&gt;.db). Every write is one transaction; a
/// message is claimed (state Sending, lease owner and expiry) by exactly one sender in a single
/// UPDATE, so two jobs sending from the same store never send the same message. An outcome given
/// to <see cref="SaveWithNextWrite"/> is recorded by the next transaction, whatever it writes.
/// </summary>
public sealed class NotificationOutbox : IDisposable
{
    private const string Columns = "id, message_id, event, object, subject, transport, recipients, state, created, next_attempt, completed, attempts, last_reply, queue_id, error_id, possible_duplicate";
    private static readonly string Due = $"state IN ({(int)OutboxState.Pending}, {(int)OutboxState.Deferred}, {(int)OutboxState.Uncertain}) AND next_attempt <= @now";
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
    // Taken by the next Write; their own lock, because they are added by threads that do not write (a sending connection).
    private readonly List<OutboxMessage> _waitingOutcomes = new List<OutboxMessage>();
    private SqliteTransaction? _transaction;

    private NotificationOutbox(string identityStore, string path, SqliteConnection connection)
    {
        IdentityStore = identityStore;
        Path = path;
        _connection = connection;
    }

    public string IdentityStore { get; }

    public string Path { get; }

    /// <summary>Where a store's outbox lives: beside its configuration document.</summary>
    public static string PathFor(ConfigurationStore store, string identityStore) =>
        System.IO.Path.Combine(store.DirectoryPath, "outbox", IdentityStoreName.FileKey(identityStore) + ".db");

    /// <summary>Opens (creating it on first use) the outbox of a store that exists.</summary>
    public static NotificationOutbox Open(ConfigurationStore store, string identityStore) =>
        Open(PathFor(store, identityStore), identityStore, store.LockTimeout);

    public static NotificationOutbox Open(string path, string identityStore, TimeSpan busyTimeout)
    {
        try
        {
            return new NotificationOutbox(identityStore, path, OutboxDatabase.Open(path, busyTimeout));
        }
        catch (SqliteException e)
        {
            throw Unavailable(path, e);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw Unavailable(path, e);
        }
    }

    /// <summary>Commits rendered messages (state Pending) in one transaction and sets their ids.</summary>
    public void Enqueue(IReadOnlyList<OutboxMessage> messages) => Write(() => { foreach (OutboxMessage m in messages) Insert(m); });

    /// <summary>
    /// Commits rendered messages already claimed by <paramref name="owner"/> (state Sending), in
    /// one transaction: the sender that rendered them sends them next, without a second write.
    /// </summary>
    public void EnqueueClaimed(IReadOnlyList<OutboxMessage> messages, string owner, TimeSpan lease, DateTime now) => Write(() =>
    {
        foreach (OutboxMessage m in messages)
        {
            m.State = OutboxState.Sending;
            Insert(m, owner, now + lease);
        }
    });

    /// <summary>
    /// Hands the leases of senders that died (a killed process on this machine) or whose lease
    /// expired to the next run: their messages may have reached the server, so they become Uncertain.
    /// </summary>
    public int RecoverAbandoned(DateTime now)
    {
        var owners = new List<string>();
        SqliteCommand query = Command($"SELECT DISTINCT lease_owner FROM message WHERE state = {(int)OutboxState.Sending}");
        using (SqliteDataReader reader = query.ExecuteReader())
        {
            while (reader.Read()) if (!reader.IsDBNull(0)) owners.Add(reader.GetString(0));
        }

        string[] dead = owners.Where(LeaseOwner.IsDead).ToArray();
        int recovered = 0;
        Write(() =>
        {
            SqliteCommand expired = Command($"UPDATE message SET state = {(int)OutboxState.Uncertain}, possible_duplicate = 1, lease_owner = NULL, lease_expires = NULL WHERE state = {(int)OutboxState.Sending} AND lease_expires < @now");
            expired.Parameters.AddWithValue("@now", Stamp(now));
            recovered += expired.ExecuteNonQuery();
            foreach (string owner in dead)
            {
                SqliteCommand abandoned = Command($"UPDATE message SET state = {(int)OutboxState.Uncertain}, possible_duplicate = 1, lease_owner = NULL, lease_expires = NULL WHERE state = {(int)OutboxState.Sending} AND lease_owner = @owner");
                abandoned.Parameters.AddWithValue("@owner", owner);
                recovered += abandoned.ExecuteNonQuery();
            }
        });
        return recovered;
    }

    /// <summary>
    /// Claims the oldest due message after <paramref name="afterId"/> (null when none is due);
    /// <paramref name="onlyId"/> claims that one only if it is due.
    /// </summary>
    public OutboxMessage? Claim(string owner, TimeSpan lease, DateTime now, long? onlyId = null, long afterId = 0)
    {
        OutboxMessage? claimed = null;
        Write(() =>
        {
            string which = onlyId is null ? $"(SELECT id FROM message WHERE {Due} AND id > @after ORDER BY id LIMIT 1)" : $"(SELECT id FROM message WHERE id = @id AND {Due})";
            SqliteCommand command = Command(
                $"UPDATE message SET state = {(int)OutboxState.Sending}, lease_owner = @owner, lease_expires = @expires WHERE id = {which} RETURNING {Columns}");
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@expires", Stamp(now + lease));
            command.Parameters.AddWithValue("@now", Stamp(now));
            if (onlyId is not null) command.Parameters.AddWithValue("@id", onlyId.Value);
            else command.Parameters.AddWithValue("@after", afterId);
            using (SqliteDataReader reader = command.ExecuteReader())
            {
                if (reader.Read()) claimed = Read(reader);
            }

            if (claimed is not null) claimed.Mime = MimeOf(claimed.Id);
        });
        return claimed;
    }

    /// <summary>
    /// Records the outcome of a claimed message and, in the same transaction, the messages split
    /// from it (recipients a 452 deferred, or refused). A final message keeps no MIME.
    /// </summary>
    public void Save(OutboxMessage message, IReadOnlyList<OutboxMessage>? splitOff = null) => Write(() =>
    {
        Update(message);
        foreach (OutboxMessage part in splitOff ?? Array.Empty<OutboxMessage>()) Insert(part);
    });

    private void Update(OutboxMessage message)
    {
        SqliteCommand command = Command(@"UPDATE message SET state = @state, recipients = @recipients, next_attempt = @next, completed = @completed,
            attempts = @attempts, last_reply = @reply, queue_id = @queue, error_id = @error, possible_duplicate = @dup, lease_owner = NULL, lease_expires = NULL WHERE id = @id");
        command.Parameters.AddWithValue("@id", message.Id);
        Bind(command, message);
        command.ExecuteNonQuery();

        if (IsFinal(message))
        {
            SqliteCommand dropMime = Command("DELETE FROM message_mime WHERE id = @id");
            dropMime.Parameters.AddWithValue("@id", message.Id);
            dropMime.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Records a final outcome (no parts split off) in the next transaction of this outbox, or in
    /// <see cref="SaveWaiting"/>, instead of a commit of its own. Until then the message stays
    /// claimed (Sending): should the process die, the next run sends it again as Uncertain.
    /// </summary>
    public void SaveWithNextWrite(OutboxMessage message)
    {
        lock (_waitingOutcomes) _waitingOutcomes.Add(message);
    }

    /// <summary>Whether <paramref name="message"/> still waits for a transaction (<see cref="SaveWithNextWrite"/>).</summary>
    public bool IsWaiting(OutboxMessage message)
    {
        lock (_waitingOutcomes) return _waitingOutcomes.Contains(message);
    }

    /// <summary>Commits the outcomes waiting for a transaction (none: nothing is written).</summary>
    public void SaveWaiting()
    {
        lock (_waitingOutcomes)
        {
            if (_waitingOutcomes.Count == 0) return;
        }

        Write(() => { });
    }

    /// <summary>Gives back what <paramref name="owner"/> claimed and did not get to (a command stopped early): due again at once.</summary>
    public int Release(string owner)
    {
        int released = 0;
        Write(() =>
        {
            SqliteCommand command = Command($"UPDATE message SET state = {(int)OutboxState.Pending}, lease_owner = NULL, lease_expires = NULL WHERE state = {(int)OutboxState.Sending} AND lease_owner = @owner");
            command.Parameters.AddWithValue("@owner", owner);
            released = command.ExecuteNonQuery();
        });
        return released;
    }

    /// <summary>Queued (not final) or history (final) messages, oldest first, without their MIME.</summary>
    public IReadOnlyList<OutboxMessage> List(IReadOnlyCollection<OutboxState> states, DateTime? createdBefore = null, DateTime? createdAfter = null)
    {
        var list = new List<OutboxMessage>();
        string filter = states.Count == 0 ? "1 = 1" : $"state IN ({string.Join(", ", states.Select(s => (int)s))})";
        SqliteCommand command = Command($"SELECT {Columns} FROM message WHERE {filter} AND created <= @before AND created >= @after ORDER BY id");
        command.Parameters.AddWithValue("@before", Stamp(createdBefore ?? DateTime.MaxValue));
        command.Parameters.AddWithValue("@after", Stamp(createdAfter ?? DateTime.MinValue));
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    /// <summary>Deletes queued messages that no sender holds; true when it was deleted.</summary>
    public bool Remove(long id)
    {
        int deleted = 0;
        Write(() =>
        {
            SqliteCommand command = Command($"DELETE FROM message WHERE id = @id AND state <> {(int)OutboxState.Sending}");
            command.Parameters.AddWithValue("@id", id);
            deleted = command.ExecuteNonQuery();
        });
        return deleted > 0;
    }

    /// <summary>Deletes history (Sent, Failed) completed before <paramref name="cutoff"/>; the number deleted.</summary>
    public int Prune(DateTime cutoff)
    {
        int deleted = 0;
        Write(() =>
        {
            SqliteCommand command = Command($"DELETE FROM message WHERE state IN ({(int)OutboxState.Sent}, {(int)OutboxState.Failed}) AND completed < @cutoff");
            command.Parameters.AddWithValue("@cutoff", Stamp(cutoff));
            deleted = command.ExecuteNonQuery();
        });
        return deleted;
    }

    private void Insert(OutboxMessage m, string? owner = null, DateTime? leaseExpires = null)
    {
        SqliteCommand command = Command(@"INSERT INTO message (message_id, event, object, subject, transport, recipients, state, created, next_attempt, completed, attempts, last_reply, queue_id, error_id, possible_duplicate, lease_owner, lease_expires)
            VALUES (@mid, @event, @object, @subject, @transport, @recipients, @state, @created, @next, @completed, @attempts, @reply, @queue, @error, @dup, @owner, @expires) RETURNING id");
        command.Parameters.AddWithValue("@owner", (object?)owner ?? DBNull.Value);
        command.Parameters.AddWithValue("@expires", leaseExpires is DateTime expires ? Stamp(expires) : DBNull.Value);
        command.Parameters.AddWithValue("@mid", m.MessageId);
        command.Parameters.AddWithValue("@event", m.Event);
        command.Parameters.AddWithValue("@object", m.Object);
        command.Parameters.AddWithValue("@subject", m.Subject);
        command.Parameters.AddWithValue("@transport", (int)m.Transport);
        command.Parameters.AddWithValue("@created", Stamp(m.Created));
        Bind(command, m);
        m.Id = (long)command.ExecuteScalar()!;
        if (IsFinal(m) || m.Mime is null) return;
        SqliteCommand mime = Command("INSERT INTO message_mime (id, mime) VALUES (@id, @mime)");
        mime.Parameters.AddWithValue("@id", m.Id);
        mime.Parameters.AddWithValue("@mime", m.Mime);
        mime.ExecuteNonQuery();
    }

    /// <summary>A final message (Sent, Failed) keeps its history, not its MIME.</summary>
    private static bool IsFinal(OutboxMessage m) => m.State is OutboxState.Sent or OutboxState.Failed;

    private byte[]? MimeOf(long id)
    {
        SqliteCommand command = Command("SELECT mime FROM message_mime WHERE id = @id");
        command.Parameters.AddWithValue("@id", id);
        return command.ExecuteScalar() as byte[];
    }

    private static void Bind(SqliteCommand command, OutboxMessage m)
    {
        command.Parameters.AddWithValue("@state", (int)m.State);
        command.Parameters.AddWithValue("@recipients", string.Join("\n", m.Recipients));
        command.Parameters.AddWithValue("@next", Stamp(m.NextAttempt));
        command.Parameters.AddWithValue("@completed", m.Completed is DateTime done ? Stamp(done) : DBNull.Value);
        command.Parameters.AddWithValue("@attempts", m.Attempts);
        command.Parameters.AddWithValue("@reply", (object?)m.LastReply ?? DBNull.Value);
        command.Parameters.AddWithValue("@queue", (object?)m.QueueId ?? DBNull.Value);
        command.Parameters.AddWithValue("@error", (object?)m.ErrorId ?? DBNull.Value);
        command.Parameters.AddWithValue("@dup", m.PossibleDuplicate ? 1 : 0);
    }

    private OutboxMessage Read(SqliteDataReader r) => new OutboxMessage
    {
        Id = r.GetInt64(0),
        IdentityStore = IdentityStore,
        MessageId = r.GetString(1),
        Event = r.GetString(2),
        Object = r.GetString(3),
        Subject = r.GetString(4),
        Transport = (NotificationDeliveryMethod)r.GetInt32(5),
        Recipients = r.GetString(6).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries),
        State = (OutboxState)r.GetInt32(7),
        Created = FromStamp(r.GetInt64(8)),
        NextAttempt = FromStamp(r.GetInt64(9)),
        Completed = r.IsDBNull(10) ? null : FromStamp(r.GetInt64(10)),
        Attempts = r.GetInt32(11),
        LastReply = r.IsDBNull(12) ? null : r.GetString(12),
        QueueId = r.IsDBNull(13) ? null : r.GetString(13),
        ErrorId = r.IsDBNull(14) ? null : r.GetString(14),
        PossibleDuplicate = r.GetInt32(15) != 0,
    };

    /// <summary>One IMMEDIATE transaction: the write lock is taken first, so concurrent senders queue on the busy timeout instead of deadlocking.</summary>
    private void Write(Action body)
    {
        OutboxMessage[] outcomes;
        lock (_waitingOutcomes)
        {
            outcomes = _waitingOutcomes.ToArray();
            _waitingOutcomes.Clear();
        }

        try
        {
            using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
            _transaction = transaction;
            foreach (OutboxMessage outcome in outcomes) Update(outcome);
            body();
            transaction.Commit();
        }
        catch (Exception e)
        {
            // Not recorded: they wait for the next transaction (the message stays claimed meanwhile).
            lock (_waitingOutcomes) _waitingOutcomes.InsertRange(0, outcomes);
            if (e is SqliteException sqlite) throw Unavailable(Path, sqlite);
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once per connection and kept: SQLite
    /// parses and plans it once, not on every message. Its parameters are the caller's to set.
    /// </summary>
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = _transaction;
        return command;
    }

    private static long Stamp(DateTime time) =>
        time == DateTime.MaxValue ? long.MaxValue : time == DateTime.MinValue ? long.MinValue : new DateTimeOffset(time.ToUniversalTime()).ToUnixTimeMilliseconds();

    private static DateTime FromStamp(long stamp) => DateTimeOffset.FromUnixTimeMilliseconds(stamp).UtcDateTime;

    private static MessagingProviderException Unavailable(string path, Exception e) =>
        e is MessagingProviderException known ? known : new MessagingProviderException(ErrorIds.OutboxUnavailable, ErrorKind.ResourceUnavailable,
            $"The notification outbox '{path}' cannot be used: {e.Message} Check that the configuration directory is writable and the file is not damaged; no message was sent.", path, e);

    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values) command.Dispose();
        _connection.Dispose();
    }
}
