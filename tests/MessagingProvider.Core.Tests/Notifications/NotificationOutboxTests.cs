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
    public void TheDatabaseIsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        using NotificationOutbox outbox = Open();

        UnixFileMode mode = File.GetUnixFileMode(outbox.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    public void Dispose() => _directory.Dispose();
}
