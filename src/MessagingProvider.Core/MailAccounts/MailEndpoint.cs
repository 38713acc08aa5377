using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.MailAccounts;

/// <summary>Where a protocol client connects: host, port and TLS mode.</summary>
public sealed class MailEndpoint
{
    public MailEndpoint(MailProtocol protocol, string host, int port, MailTlsMode tls)
    {
        Protocol = protocol;
        Host = host;
        Port = port;
        Tls = tls;
    }

    public MailProtocol Protocol { get; }
    public string Host { get; }
    public int Port { get; }
    public MailTlsMode Tls { get; }

    public static MailEndpoint Imap(MailServerEntry server) =>
        new MailEndpoint(MailProtocol.Imap, server.ImapHost ?? server.ServiceAddress, server.ImapPort, server.ImapTls);

    public static MailEndpoint Smtp(MailServerEntry server) =>
        new MailEndpoint(MailProtocol.Smtp, server.SmtpHost ?? server.ServiceAddress, server.SmtpPort, server.SmtpTls);

    public override string ToString() => $"{Host}:{Port} ({Tls})";
}
