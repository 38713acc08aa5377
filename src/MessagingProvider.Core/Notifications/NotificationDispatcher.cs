using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Connections;
using MessagingProvider.Errors;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Notifications.Outbox;
using MessagingProvider.Output;
using MimeKit;

namespace MessagingProvider.Notifications;

/// <summary>
/// The sending flow of one identity store: recipients resolved, message rendered and committed
/// to the outbox before any network traffic, split into transactions of at most the store's
/// recipient limit, then sent with retries, back-off, pacing and throttling waits. Transient
/// failures leave messages Deferred (or Uncertain) with a result each; only configuration
/// problems throw, and then everything rendered stays queued.
/// </summary>
public sealed class NotificationDispatcher : IDisposable
{
    private readonly ConfigurationStore _store;
    private readonly IdentityStoreDocument _document;
    private readonly DispatchOptions _options;
    private readonly NotificationOutbox _outbox;
    private readonly string _owner = LeaseOwner.New();
    private readonly SendPacer _pacer;
    // Guards the outbox's one SQLite connection when several connections send (-MaxConnection).
    private readonly object _outboxLock = new object();
    private INotificationTransport? _transport;
    private DeliveryLane? _lane;
    private volatile MessagingProviderException? _transportDown;

    public NotificationDispatcher(ConfigurationStore store, IdentityStoreDocument document, DispatchOptions options)
    {
        _store = store;
        _document = document;
        _options = options;
        _pacer = new SendPacer(document.Notifications.Delivery.MessagesPerMinute);
        _outbox = NotificationOutbox.Open(store, document.Name);
        int pruned = _outbox.Prune(DateTime.UtcNow.AddDays(-Math.Max(1, Delivery.HistoryRetentionDays)));
        if (pruned > 0) Verbose($"Pruned {pruned} history entries older than {Delivery.HistoryRetentionDays} days from the outbox of '{document.Name}'.");
        int recovered = _outbox.RecoverAbandoned(DateTime.UtcNow);
        if (recovered > 0) Verbose($"{recovered} message(s) of a sender that stopped mid-send are due again, flagged as possible duplicates.");
    }

    public NotificationOutbox Outbox => _outbox;

    private NotificationDeliverySettings Delivery => _document.Notifications.Delivery;

    private int MaxAttempts => _options.MaxAttempts ?? Delivery.MaxAttempts;

    /// <summary>The transport, created on first use: -WhatIf and an empty queue connect nowhere.</summary>
    public INotificationTransport Transport => _transport ??= CreateTransport(_options.Verbose);

    /// <summary>The dispatcher's own connection: the backlog goes through it, and so does a one-connection ParallelDispatch.</summary>
    internal DeliveryLane Lane => _lane ??= new DeliveryLane(Transport, _options.Verbose);

    /// <summary>
    /// Sends through <paramref name="connections"/> connections at once, still one message at a
    /// time per connection and within the store's pacing; what they report goes to
    /// <paramref name="writeError"/>, <paramref name="writeResult"/> and the verbose sink from
    /// their own threads (the cmdlet's bridge carries it to the pipeline thread).
    /// </summary>
    public ParallelDispatch StartParallel(int connections, Action<MessagingProviderException> writeError, Action<NotificationResult> writeResult, CancellationToken cancellationToken) =>
        new ParallelDispatch(this, connections, writeError, writeResult, cancellationToken);

    public event Action<INotificationTransport>? TransportCreated;

    /// <summary>Resolves and renders; nothing is stored yet (the caller asks ShouldProcess in between).</summary>
    public NotificationDraft Prepare(NotificationRequest request)
    {
        NotificationDeliveryMethod method = Delivery.Method;
        var result = new NotificationResult { IdentityStore = _document.Name, Event = request.Event.ToString(), Object = request.Target.ToString(), Transport = method };
        var draft = new NotificationDraft(result);
        ResolvedRecipients recipients = RecipientResolver.Resolve(request, _document.Notifications);
        result.SkippedRecipients = recipients.Skipped.ToArray();
        if (recipients.Suppressed is not null || recipients.IsEmpty)
        {
            result.Status = NotificationStatus.Skipped;
            result.Reason = recipients.Suppressed ?? "nobody to notify: no fixed recipients and no role-based recipient with a mail address";
            return draft;
        }

        IReadOnlyList<RenderedNotification> rendered = NotificationRenderer.Render(_document.Name, Transport.From, request, recipients, _document.Notifications);
        MimeMessage first = rendered[0].Message;
        result.Subject = first.Subject;
        // As the headers show them: a single role-based recipient may be the To (see NotificationRenderer.AddressHeaders).
        result.To = rendered.SelectMany(r => r.Message.To.Mailboxes).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        result.Cc = rendered.SelectMany(r => r.Message.Cc.Mailboxes).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        result.Bcc = recipients.Bcc.Where(a => !result.To.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
        result.MessageId = method == NotificationDeliveryMethod.MicrosoftGraph ? null : first.MessageId;
        result.Templates = rendered.Select(r => $"{r.Content.TemplateName}: {string.Join("; ", r.Recipients.All)}").ToArray();
        DateTime now = DateTime.UtcNow;
        foreach (RenderedNotification one in rendered)
        {
            MimeMessage message = one.Message;
            byte[] mime = ToBytes(message);
            draft.Messages[message.MessageId] = message;
            foreach (IReadOnlyList<string> chunk in Chunks(one.Recipients.All.ToList(), Math.Max(1, Delivery.MaxRecipientsPerMessage)))
            {
                draft.Entries.Add(new OutboxMessage
                {
                    IdentityStore = _document.Name, MessageId = message.MessageId ?? throw new InvalidOperationException("The renderer gives every notification a Message-ID."), Event = result.Event, Object = result.Object, Subject = message.Subject ?? "",
                    Transport = method, Recipients = chunk, Mime = mime, State = OutboxState.Pending, Created = now, NextAttempt = now,
                });
            }
        }

        return draft;
    }

    /// <summary>
    /// Commits the draft's entries before anything is sent, already claimed by this sender (one
    /// write; should this process die before it sends them, the next run takes them as Uncertain).
    /// </summary>
    public void Enqueue(NotificationDraft draft)
    {
        lock (_outboxLock) _outbox.EnqueueClaimed(draft.Entries, _owner, Lease, DateTime.UtcNow);
        draft.Summary.OutboxId = draft.Entries.Select(e => e.Id).ToArray();
    }

    /// <summary>Sends the draft's own entries (and what a 452 split off them) on <paramref name="lane"/>, then completes its result.</summary>
    internal async Task<NotificationResult> SendAsync(NotificationDraft draft, DeliveryLane lane, Action<MessagingProviderException> writeError, CancellationToken cancellationToken)
    {
        var delivered = new List<OutboxMessage>();
        var claimed = new Queue<OutboxMessage>(draft.Entries);
        var splits = new Queue<long>();
        while (claimed.Count > 0 || splits.Count > 0)
        {
            OutboxMessage? entry = claimed.Count > 0 ? claimed.Dequeue() : Claim(DateTime.UtcNow, splits.Dequeue());
            if (entry is null) continue; // another sender took it: it is that sender's to report
            MimeMessage? rendered = draft.Messages.TryGetValue(entry.MessageId, out MimeMessage? m) ? m : null;
            delivered.AddRange(await DeliverAsync(entry, lane, writeError, cancellationToken, split => splits.Enqueue(split.Id), rendered).ConfigureAwait(false));
        }

        Summarize(draft.Summary, delivered);
        return draft.Summary;
    }

    /// <summary>Sends every due entry of the queue, oldest first; one result per entry, to <paramref name="writeResult"/> as it is known.</summary>
    public async Task SendDueAsync(Action<NotificationResult> writeResult, Action<MessagingProviderException> writeError, CancellationToken cancellationToken, bool includeNotDue = false)
    {
        var cursor = new DueCursor(includeNotDue);
        while (await SendNextDueAsync(cursor, Lane, writeError, cancellationToken).ConfigureAwait(false) is { } results)
        {
            foreach (NotificationResult result in results) writeResult(result);
        }
    }

    /// <summary>Where a run through the due messages is; shared by the connections of a parallel run.</summary>
    internal sealed class DueCursor
    {
        public DueCursor(bool includeNotDue) => Started = includeNotDue ? DateTime.MaxValue.AddYears(-1) : DateTime.UtcNow;

        public DateTime Started { get; }

        public long Last { get; set; }
    }

    /// <summary>Claims the next due message after the cursor and sends it; null when none is left.</summary>
    internal async Task<IReadOnlyList<NotificationResult>?> SendNextDueAsync(DueCursor cursor, DeliveryLane lane, Action<MessagingProviderException> writeError, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxMessage? claimed;
        lock (_outboxLock)
        {
            // Ids only grow: a message deferred again in this run is not claimed twice, a part split off is reached later.
            claimed = _outbox.Claim(_owner, Lease, cursor.Started, afterId: cursor.Last);
            if (claimed is null) return null;
            cursor.Last = claimed.Id;
        }

        var results = new List<NotificationResult>();
        foreach (OutboxMessage part in await DeliverAsync(claimed, lane, writeError, cancellationToken, _ => { }).ConfigureAwait(false))
        {
            var result = new NotificationResult { IdentityStore = _document.Name, Event = part.Event, Object = part.Object, Transport = part.Transport, Subject = part.Subject, MessageId = part.MessageId };
            result.Bcc = part.Recipients.ToArray();
            Summarize(result, new[] { part });
            results.Add(result);
        }

        return results;
    }

    private OutboxMessage? Claim(DateTime due, long id)
    {
        lock (_outboxLock) return _outbox.Claim(_owner, Lease, due, id);
    }

    private void Save(OutboxMessage entry, IReadOnlyList<OutboxMessage>? splitOff = null)
    {
        lock (_outboxLock) _outbox.Save(entry, splitOff);
    }

    /// <summary>Throttling replies wait (back-off doubling) this many times per message without spending attempts.</summary>
    public const int MaxThrottleWaits = 6;

    private TimeSpan Lease => TimeSpan.FromTicks(Delivery.GetTimeout().Ticks * (MaxAttempts * 4 + 2)) + TimeSpan.FromMinutes(1);

    /// <summary>Tries one claimed entry until it is Sent, Failed, or out of attempts; returns it and any entries split off and finished with it.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> DeliverAsync(OutboxMessage entry, DeliveryLane lane, Action<MessagingProviderException> writeError, CancellationToken cancellationToken, Action<OutboxMessage> requeue, MimeMessage? rendered = null)
    {
        bool uncertain = entry.State == OutboxState.Uncertain || entry.PossibleDuplicate;
        if (_transportDown is not null)
        {
            Defer(entry, uncertain, _transportDown, writeError, tried: 0);
            return new[] { entry };
        }

        MimeMessage message;
        try
        {
            message = rendered ?? MimeMessage.Load(new MemoryStream(entry.Mime ?? Array.Empty<byte>()));
        }
        catch (FormatException e)
        {
            var damaged = new MessagingProviderException(ErrorIds.OutboxUnavailable, ErrorKind.InvalidData, $"The queued message {entry.Id} ('{entry.Subject}') cannot be read back: {e.Message} It was marked Failed.", entry.Id, e);
            Finish(entry, OutboxState.Failed, damaged.ErrorId);
            writeError(damaged);
            return new[] { entry };
        }

        int tries = 0;
        int throttleWaits = 0;
        while (true)
        {
            SendOutcome outcome;
            try
            {
                Task turn = _pacer.WaitTurnAsync(cancellationToken);
                if (!turn.IsCompleted) SaveOutcomes();
                await turn.ConfigureAwait(false);
                await ConnectionThread.ComeBack(); // after a pacing or back-off delay
                tries++;
                outcome = await lane.Transport.SendAsync(message, entry.Recipients, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MessagingProviderException || e is OperationCanceledException)
            {
                // Configuration problem or Stop: the message stays queued, due at once next time.
                entry.State = uncertain ? OutboxState.Uncertain : OutboxState.Deferred;
                entry.NextAttempt = DateTime.UtcNow;
                entry.ErrorId = (e as MessagingProviderException)?.ErrorId;
                Save(entry);
                throw;
            }

            entry.Attempts += outcome.Attempts;
            entry.LastReply = outcome.ServerReply ?? entry.LastReply;
            uncertain |= outcome.Uncertain;
            if (outcome.Sent) return Sent(entry, outcome, uncertain, lane, writeError, requeue);

            if (!outcome.Transient)
            {
                entry.Reason = outcome.Failure?.Message;
                Finish(entry, OutboxState.Failed, outcome.Failure?.ErrorId);
                writeError(outcome.Failure!);
                return new[] { entry };
            }

            if (outcome.Throttled && throttleWaits < MaxThrottleWaits)
            {
                throttleWaits++;
                tries--;
                TimeSpan pause = Backoff(throttleWaits);
                lane.Verbose?.Invoke($"The server asks to slow down ({outcome.ServerReply}); waiting {pause.TotalSeconds:0.##} s.");
                SaveOutcomes();
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (tries >= MaxAttempts || outcome.Attempts >= MaxAttempts)
            {
                if (outcome.ConnectionFailed) _transportDown = outcome.Failure;
                Defer(entry, uncertain, outcome.Failure!, writeError, tries);
                return new[] { entry };
            }

            TimeSpan delay = Backoff(tries);
            lane.Verbose?.Invoke(outcome.Uncertain
                ? $"The connection was lost after the end of the message, before the reply ({outcome.Failure?.Message}); sending it again on a new connection with the same Message-ID (attempt {tries + 1} of {MaxAttempts})."
                : outcome.Failure?.ErrorId == ErrorIds.SmtpConnectionLost
                    ? $"The connection was lost while sending ({outcome.Failure.Message}); reconnecting and sending again (attempt {tries + 1} of {MaxAttempts})."
                    : $"Temporary failure ({outcome.ServerReply}); retrying in {delay.TotalSeconds:0.##} s (attempt {tries + 1} of {MaxAttempts}).");
            if (outcome.Failure?.ErrorId != ErrorIds.SmtpConnectionLost && !outcome.Uncertain)
            {
                SaveOutcomes();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IReadOnlyList<OutboxMessage> Sent(OutboxMessage entry, SendOutcome outcome, bool uncertain, DeliveryLane lane, Action<MessagingProviderException> writeError, Action<OutboxMessage> requeue)
    {
        var finished = new List<OutboxMessage> { entry };
        var splitOff = new List<OutboxMessage>();
        var refused = new HashSet<string>(outcome.Refused.Select(r => r.Address), StringComparer.OrdinalIgnoreCase);
        DateTime now = DateTime.UtcNow;
        foreach (var group in outcome.Refused.GroupBy(r => r.Transient))
        {
            var part = Copy(entry, group.Select(r => r.Address).ToList(), now);
            part.LastReply = group.First().Reply;
            if (group.Key)
            {
                // 452 4.5.3 (too many recipients) and other 4xx per recipient: the rest goes in the next transaction.
                part.State = OutboxState.Pending;
                lane.Verbose?.Invoke($"The server took {entry.Recipients.Count - refused.Count} of {entry.Recipients.Count} recipients ({part.LastReply}); sending to the other {part.Recipients.Count} in another transaction.");
            }
            else
            {
                part.State = OutboxState.Failed;
                part.Completed = now;
                part.ErrorId = ErrorIds.SmtpRecipientRejected;
                part.Reason = $"The server refused {string.Join(", ", part.Recipients)}: {part.LastReply}.";
                finished.Add(part);
                writeError(new MessagingProviderException(ErrorIds.SmtpRecipientRejected, ErrorKind.InvalidOperation,
                    $"The server refused {string.Join(", ", part.Recipients)}: {part.LastReply}. The others received '{entry.Subject}'.", string.Join(", ", part.Recipients)));
            }

            splitOff.Add(part);
        }

        entry.Recipients = entry.Recipients.Where(r => !refused.Contains(r)).ToList();
        entry.QueueId = outcome.QueueId;
        entry.PossibleDuplicate = uncertain;
        entry.ErrorId = null;
        if (splitOff.Count > 0)
        {
            // The parts' ids are needed now (a 452's rest is claimed next).
            Finish(entry, OutboxState.Sent, null, splitOff);
            foreach (OutboxMessage part in splitOff.Where(p => p.State == OutboxState.Pending)) requeue(part);
            return finished;
        }

        entry.State = OutboxState.Sent;
        entry.Completed = now;
        SaveWithNextWrite(entry, lane);
        return finished;
    }

    /// <summary>
    /// A message the server took is recorded by the outbox's next transaction (the next message's
    /// commit or claim), not by a commit of its own between two messages: on a busy machine that
    /// commit, waiting for a core beside the mail server, took a tenth of the time per message
    /// (issue 15's benchmark). A connection never has two such outcomes waiting, and every wait
    /// (for the next message, pacing, a back-off) and the end of the run commit them first, so a
    /// process killed meanwhile sends again, as Uncertain with the same Message-ID, at most the
    /// one message its connection sent last besides the one in flight.
    /// </summary>
    private void SaveWithNextWrite(OutboxMessage entry, DeliveryLane lane)
    {
        OutboxMessage? previous = lane.LastOutcomeWaiting;
        lane.LastOutcomeWaiting = entry;
        _outbox.SaveWithNextWrite(entry);
        if (previous is not null && _outbox.IsWaiting(previous)) SaveOutcomes();
    }

    /// <summary>Commits the outcomes left to the outbox's next transaction (<see cref="SaveWithNextWrite"/>), if any.</summary>
    internal void SaveOutcomes()
    {
        lock (_outboxLock) _outbox.SaveWaiting();
    }

    private void Defer(OutboxMessage entry, bool uncertain, MessagingProviderException cause, Action<MessagingProviderException> writeError, int tried)
    {
        entry.State = uncertain ? OutboxState.Uncertain : OutboxState.Deferred;
        entry.PossibleDuplicate = uncertain;
        entry.ErrorId = cause.ErrorId;
        entry.NextAttempt = DateTime.UtcNow + Backoff(Math.Max(1, entry.Attempts));
        entry.Reason = cause.Message;
        Save(entry);
        string why = tried == 0 ? "the server could not be reached for an earlier message of this run" : $"{tried} attempt(s) failed";
        writeError(new MessagingProviderException(ErrorIds.NotificationDeferred, cause.Kind,
            $"'{entry.Subject}' to {entry.Recipients.Count} recipient(s) was not sent ({why}): {cause.Message} It stays in the outbox as {entry.State} and is sent by the next Send-Notification or Send-QueuedNotification after {entry.NextAttempt.ToLocalTime():HH:mm:ss}.",
            entry.Id, cause));
    }

    private void Finish(OutboxMessage entry, OutboxState state, string? errorId, IReadOnlyList<OutboxMessage>? splitOff = null)
    {
        entry.State = state;
        entry.ErrorId = errorId;
        entry.Completed = DateTime.UtcNow;
        Save(entry, splitOff);
    }

    private static OutboxMessage Copy(OutboxMessage entry, IReadOnlyList<string> recipients, DateTime now) => new OutboxMessage
    {
        IdentityStore = entry.IdentityStore, MessageId = entry.MessageId, Event = entry.Event, Object = entry.Object, Subject = entry.Subject,
        Transport = entry.Transport, Recipients = recipients, Mime = entry.Mime, Created = entry.Created, NextAttempt = now,
    };

    private static void Summarize(NotificationResult result, IReadOnlyList<OutboxMessage> parts)
    {
        if (parts.Count == 0)
        {
            result.Status = NotificationStatus.Skipped;
            result.Reason = "sent by another job sending from the same store";
            return;
        }

        result.Status = parts.Any(p => p.State == OutboxState.Failed) ? NotificationStatus.Failed
            : parts.Any(p => p.State is OutboxState.Deferred or OutboxState.Uncertain or OutboxState.Pending) ? NotificationStatus.Deferred
            : NotificationStatus.Sent;
        result.Attempts = parts.Max(p => p.Attempts);
        result.ServerReply = parts.Last().LastReply;
        result.QueueId = parts.Select(p => p.QueueId).LastOrDefault(q => q is not null);
        result.PossibleDuplicate = parts.Any(p => p.PossibleDuplicate);
        result.OutboxId = parts.Select(p => p.Id).Distinct().ToArray();
        OutboxMessage? waiting = parts.FirstOrDefault(p => p.State is OutboxState.Deferred or OutboxState.Uncertain);
        result.NextAttempt = waiting?.NextAttempt.ToLocalTime();
        if (result.Status != NotificationStatus.Sent)
        {
            OutboxMessage notSent = parts.First(p => p.State != OutboxState.Sent);
            result.Reason = notSent.Reason ?? notSent.LastReply;
        }
    }

    private TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(_options.RetryDelay.Ticks << Math.Min(10, Math.Max(0, attempt - 1)));

    private INotificationTransport CreateTransport(Action<string>? verbose)
    {
        INotificationTransport transport = NewTransport(verbose);
        TransportCreated?.Invoke(transport);
        return transport;
    }

    /// <summary>Another connection (for a parallel run); its verbose messages go to <paramref name="verbose"/>.</summary>
    internal INotificationTransport NewTransport(Action<string>? verbose) =>
        NotificationTransportFactory.Create(_store, _document, new NotificationTransportOptions
        {
            MaxAttempts = MaxAttempts,
            RetryDelay = _options.RetryDelay,
            Verbose = verbose,
            HttpHandlerFactory = _options.HttpHandlerFactory,
        });

    internal void OnTransportCreated(INotificationTransport transport) => TransportCreated?.Invoke(transport);

    internal Action<string>? VerboseCallback => _options.Verbose;

    internal int MessagesPerMinute => Delivery.MessagesPerMinute;

    private static byte[] ToBytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string>> Chunks(List<string> all, int size)
    {
        for (int i = 0; i < all.Count; i += size) yield return all.GetRange(i, Math.Min(size, all.Count - i));
    }

    private void Verbose(string text) => _options.Verbose?.Invoke(text);

    public void Dispose()
    {
        _transport?.Dispose();
        try
        {
            _outbox.Release(_owner);
        }
        catch (MessagingProviderException)
        {
            // Unreachable database: the lease expires instead.
        }

        _outbox.Dispose();
    }
}

/// <summary>What Send-Notification and Send-QueuedNotification pass down.</summary>
public sealed class DispatchOptions
{
    /// <summary>Null: the store's MaxAttempts setting.</summary>
    public int? MaxAttempts { get; set; }

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Called from whatever thread the sending continues on: give a sink that carries messages to the pipeline thread.</summary>
    public Action<string>? Verbose { get; set; }

    public Cloud.HttpHandlerFactory? HttpHandlerFactory { get; set; }
}
