using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace MessagingProvider.TestSupport;

/// <summary>Reads delivered mail back over IMAP, the way a recipient's client would.</summary>
public sealed class MailboxReader
{
    private readonly string _host;
    private readonly int _port;
    private readonly string _password;

    public MailboxReader(string host, int port, string password)
    {
        _host = host;
        _port = port;
        _password = password;
    }

    /// <summary>Messages in <paramref name="address"/>'s inbox whose subject contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<MimeMessage> Find(string address, string marker)
    {
        using var client = new ImapClient();
        client.Connect(_host, _port, SecureSocketOptions.None);
        client.Authenticate(address, _password);
        client.Inbox.Open(FolderAccess.ReadOnly);
        var found = client.Inbox.Search(SearchQuery.SubjectContains(marker)).Select(uid => client.Inbox.GetMessage(uid)).ToList();
        client.Disconnect(true);
        return found;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until <paramref name="count"/> such messages arrived.</summary>
    public IReadOnlyList<MimeMessage> WaitFor(string address, string marker, int count = 1, TimeSpan? timeout = null)
    {
        DateTime until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        IReadOnlyList<MimeMessage> found;
        do
        {
            found = Find(address, marker);
            if (found.Count >= count) return found;
            Thread.Sleep(150);
        }
        while (DateTime.UtcNow < until);

        return found;
    }
}
