using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications.Outbox;

namespace MessagingProvider.Core.Tests.Notifications;

/// <summary>The outbox database itself: states, leases, retention, schema and file mode.</summary>
public sealed class NotificationOutboxTests : IDisposable
{
    private readonly TempDirectory _directory = new TempDirectory();

    private NotificationOutbox Open() => NotificationOutbox.Open(Path.Combine(_directory.Path, "outbox", "contoso.db"), "Contoso", TimeSpan.FromSeconds(10));

    private static OutboxMessage Message(string subject, DateTime? created = null) => new OutboxMessage
    {
        IdentityStore = "Contoso", MessageId = Guid.NewGuid().ToString("N") + "@test", Event = "ObjectModified", Object = subject, Subject = subject,
        Transport = NotificationDeliveryMethod.Smtp, Recipients = new[] { "a@contoso.com", "b@contoso.com" }, Mime = new byte[] { 1, 2, 3 },
        State = OutboxState.Pending, Created = created ?? DateTime.UtcNow, NextAttempt = DateTime.UtcNow,
    };

    [Fact]
    public void EnqueuedMessagesAreClaimedOnceOldestFirst()
    {
        using NotificationOutbox outbox = Open();
        outbox.Enqueue(new[] { Message("first"), Message("second") });
        string one = LeaseOwner.New();
        string two = LeaseOwner.New();

        OutboxMessage? a = outbox.Claim(one, TimeSpan.FromMinutes(5), DateTime.UtcNow);
        OutboxMessage? b = outbox.Claim(two, TimeSpan.FromMinutes(5), DateTime.UtcNow);
        OutboxMessage? none = outbox.Claim(one, TimeSpan.FromMinutes(5), DateTime.UtcNow);

        Assert.Equal("first", a!.Subject);
        Assert.Equal("second", b!.Subject);
        Assert.Null(none);
        Assert.Equal(new byte[] { 1, 2, 3 }, a.Mime);
        Assert.Equal(new[] { "a@contoso.com", "b@contoso.com" }, a.Recipients);
        Assert.All(outbox.List(Array.Empty<OutboxState>()), m => Assert.Equal(OutboxState.Sending, m.State));
    }

    [Fact]
    public void ADeferredMessageIsDueOnlyFromItsNextTryTime()
    {
        using NotificationOutbox outbox = Open();
        outbox.Enqueue(new[] { Message("later") });
        OutboxMessage claimed = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow)!;
        claimed.State = OutboxState.Deferred;
        claimed.NextAttempt = DateTime.UtcNow.AddMinutes(10);
        claimed.Attempts = 3;
        outbox.Save(claimed);

        Assert.Null(outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow));
        OutboxMessage? due = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow.AddMinutes(11));
        Assert.NotNull(due);
        Assert.Equal(3, due!.Attempts);
    }

    [Fact]
    public void AnExpiredLeaseMakesTheMessageUncertain()
    {
        using NotificationOutbox outbox = Open();
        outbox.Enqueue(new[] { Message("held") });
        outbox.Claim(LeaseOwner.New(), TimeSpan.FromSeconds(1), DateTime.UtcNow);

        Assert.Equal(0, outbox.RecoverAbandoned(DateTime.UtcNow));
        Assert.Equal(1, outbox.RecoverAbandoned(DateTime.UtcNow.AddSeconds(5)));
        Assert.Equal("held", outbox.List(new[] { OutboxState.Uncertain }).Single().Subject);
        OutboxMessage again = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(1), DateTime.UtcNow)!;
        Assert.Equal("held", again.Subject);
        // Claimed again it is Sending; the flag is what tells its sender the server may have it already.
        Assert.True(again.PossibleDuplicate);
    }

    [Fact]
    public void TheLeaseOfADeadProcessIsTakenOverAtOnce()
    {
        using NotificationOutbox outbox = Open();
        outbox.Enqueue(new[] { Message("orphan") });
        // The lease owner format of a process that does not exist on this machine (pid beyond any real one).
        string dead = $"{Environment.MachineName}/{int.MaxValue}/0/{Guid.NewGuid():N}";
        outbox.Claim(dead, TimeSpan.FromHours(1), DateTime.UtcNow);

        Assert.True(LeaseOwner.IsDead(dead));
        Assert.False(LeaseOwner.IsDead(LeaseOwner.New()));
        Assert.Equal(1, outbox.RecoverAbandoned(DateTime.UtcNow));
        Assert.Equal(OutboxState.Uncertain, outbox.List(new[] { OutboxState.Uncertain }).Single().State);
    }

    [Fact]
    public void HistoryOlderThanTheRetentionIsPrunedAndFinalMessagesKeepNoMime()
    {
        using NotificationOutbox outbox = Open();
        outbox.Enqueue(new[] { Message("old"), Message("new"), Message("waiting") });
        foreach (string subject in new[] { "old", "new" })
        {
            OutboxMessage m = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow)!;
            Assert.Equal(subject, m.Subject);
            m.State = OutboxState.Sent;
            m.Completed = subject == "old" ? DateTime.UtcNow.AddDays(-31) : DateTime.UtcNow;
            m.LastReply = "250 2.0.0 Ok: queued as ABC";
            m.QueueId = "ABC";
            outbox.Save(m);
        }

        int pruned = outbox.Prune(DateTime.UtcNow.AddDays(-30));

        Assert.Equal(1, pruned);
        OutboxMessage kept = outbox.List(new[] { OutboxState.Sent }).Single();
        Assert.Equal("new", kept.Subject);
        Assert.Equal("ABC", kept.QueueId);
        Assert.Single(outbox.List(new[] { OutboxState.Pending }));
    }

    [Fact]
    public void ANewerSchemaIsRefusedAndNotChanged()
    {
        string path = Path.Combine(_directory.Path, "outbox", "contoso.db");
        using (NotificationOutbox outbox = Open())
        {
        }

        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<MessagingProvider.Errors.MessagingProviderException>(() => Open());
        Assert.Equal("OutboxVersionUnsupported", e.ErrorId);
    }

    [Fact]
    public void AVersion1OutboxKeepsItsQueuedMimeAndHistoryWhenUpgraded()
    {
        string path = Path.Combine(_directory.Path, "outbox", "contoso.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            // The version 1 schema as the first outbox release created it, one queued and one sent message.
            command.CommandText = @"
CREATE TABLE message (id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL, event TEXT NOT NULL, object TEXT NOT NULL,
    subject TEXT NOT NULL, transport INTEGER NOT NULL, recipients TEXT NOT NULL, mime BLOB, state INTEGER NOT NULL, created INTEGER NOT NULL,
    next_attempt INTEGER NOT NULL, completed INTEGER, attempts INTEGER NOT NULL DEFAULT 0, last_reply TEXT, queue_id TEXT, error_id TEXT,
    possible_duplicate INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_expires INTEGER);
CREATE INDEX message_due ON message (state, next_attempt);
CREATE INDEX message_completed ON message (completed);
INSERT INTO message (message_id, event, object, subject, transport, recipients, mime, state, created, next_attempt, completed, last_reply)
    VALUES ('queued@test', 'ObjectModified', 'G1', 'queued', 0, 'a@contoso.com', X'010203', 0, 1, 1, NULL, NULL),
           ('sent@test', 'ObjectModified', 'G2', 'sent', 0, 'b@contoso.com', NULL, 2, 1, 1, 2, '250 2.0.0 Ok: queued as 1A2B');
PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        using NotificationOutbox outbox = Open();
        OutboxMessage? queued = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow);
        OutboxMessage sent = outbox.List(new[] { OutboxState.Sent }).Single();

        Assert.Equal("queued@test", queued!.MessageId);
        Assert.Equal(new byte[] { 1, 2, 3 }, queued.Mime);
        Assert.Equal("250 2.0.0 Ok: queued as 1A2B", sent.LastReply);
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(2L, (long)version.ExecuteScalar()!);
    }

    [Fact]
    public void AFinalMessageGivesBackTheSpaceOfItsMime()
    {
        using NotificationOutbox outbox = Open();
        // Two messages committed before the first is sent, as when the connection sends while the
        // next one is committed: the file must not keep a page per message of history.
        for (int i = 0; i < 400; i++)
        {
            OutboxMessage message = Message("m" + i);
            message.Mime = new byte[3000];
            outbox.Enqueue(new[] { message });
            if (i == 0) continue;
            OutboxMessage claimed = outbox.Claim(LeaseOwner.New(), TimeSpan.FromMinutes(5), DateTime.UtcNow)!;
            claimed.State = OutboxState.Sent;
            claimed.Completed = DateTime.UtcNow;
            outbox.Save(claimed);
        }

        outbox.Dispose();
        long size = new FileInfo(outbox.Path).Length + (File.Exists(outbox.Path + "-wal") ? new FileInfo(outbox.Path + "-wal").Length : 0);
        // 400 messages of 3 KB each: a page per message would be 1.6 MB.
        Assert.True(size < 400_000, $"outbox file and WAL are {size} bytes after 400 messages");
    }

    // As a connection leaves a message the server took: Sent, recorded by the outbox's next transaction.
    private static void LeaveSentForNextWrite(NotificationOutbox outbox, OutboxMessage message)
    {
        message.State = OutboxState.Sent;
        message.Completed = DateTime.UtcNow;
        outbox.SaveWithNextWrite(message);
    }

    [Fact]
    public void AnOutcomeLeftForTheNextWriteIsCommittedByIt()
    {
        using NotificationOutbox outbox = Open();
        using NotificationOutbox other = Open();
        string owner = LeaseOwner.New();
        OutboxMessage first = Message("first");
        outbox.EnqueueClaimed(new[] { first }, owner, TimeSpan.FromMinutes(5), DateTime.UtcNow);

        LeaveSentForNextWrite(outbox, first);

        Assert.True(outbox.IsWaiting(first));
        Assert.Equal(OutboxState.Sending, other.List(Array.Empty<OutboxState>()).Single().State);
        outbox.EnqueueClaimed(new[] { Message("second") }, owner, TimeSpan.FromMinutes(5), DateTime.UtcNow);
        Assert.False(outbox.IsWaiting(first));
        Assert.Equal(new[] { OutboxState.Sent, OutboxState.Sending }, other.List(Array.Empty<OutboxState>()).Select(m => m.State));
    }

    [Fact]
    public void ReleaseRecordsTheWaitingOutcomesBeforeGivingBackTheRest()
    {
        using NotificationOutbox outbox = Open();
        string owner = LeaseOwner.New();
        OutboxMessage sent = Message("sent");
        OutboxMessage notSent = Message("not sent");
        outbox.EnqueueClaimed(new[] { sent, notSent }, owner, TimeSpan.FromMinutes(5), DateTime.UtcNow);
        LeaveSentForNextWrite(outbox, sent);

        Assert.Equal(1, outbox.Release(owner));

        Assert.Equal(new[] { OutboxState.Sent, OutboxState.Pending }, outbox.List(Array.Empty<OutboxState>()).Select(m => m.State));
    }

    [Fact]
    public void AWriteThatFailsKeepsTheOutcomesWaiting()
    {
        string path = Path.Combine(_directory.Path, "outbox", "contoso.db");
        using NotificationOutbox outbox = NotificationOutbox.Open(path, "Contoso", TimeSpan.FromMilliseconds(100));
        string owner = LeaseOwner.New();
        OutboxMessage sent = Message("sent");
        outbox.EnqueueClaimed(new[] { sent }, owner, TimeSpan.FromMinutes(5), DateTime.UtcNow);
        LeaveSentForNextWrite(outbox, sent);

        using (var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            blocker.Open();
            using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            var e = Assert.Throws<MessagingProvider.Errors.MessagingProviderException>(() => outbox.Enqueue(new[] { Message("blocked") }));
            Assert.Equal(MessagingProvider.Errors.ErrorIds.OutboxUnavailable, e.ErrorId);
            Assert.True(outbox.IsWaiting(sent));
        }

        outbox.SaveWaiting();
        Assert.False(outbox.IsWaiting(sent));
        Assert.Equal(OutboxState.Sent, outbox.List(Array.Empty<OutboxState>()).Single().State);
    }

    [Fact]
    public void TheDatabaseIsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        using NotificationOutbox outbox = Open();

        UnixFileMode mode = File.GetUnixFileMode(outbox.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    public void Dispose() => _directory.Dispose();
}
