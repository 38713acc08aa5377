using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using DnsClient.Protocol;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Finds which provider serves an email address: the identity store's provider-domains lookup
/// first, then the domain's MX records matched against <see cref="KnownMailHosts"/>. DNS
/// failures (NXDOMAIN, timeouts, server failures) end up in the result, never as exceptions.
/// Answers are cached per domain for the life of the resolver (one command call).
/// </summary>
public sealed class EmailProviderResolver
{
    private readonly LookupClient _client;
    private readonly Dictionary<string, DnsAnswer> _answers = new Dictionary<string, DnsAnswer>(StringComparer.OrdinalIgnoreCase);

    /// <param name="dnsServers">Empty: the system's resolvers.</param>
    public EmailProviderResolver(IReadOnlyList<IPEndPoint> dnsServers, TimeSpan timeout)
    {
        LookupClientOptions options = dnsServers.Count > 0 ? new LookupClientOptions(dnsServers.ToArray()) : new LookupClientOptions();
        options.Timeout = timeout;
        options.Retries = 0;
        options.UseCache = false;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = true;
        _client = new LookupClient(options);
        DnsServers = string.Join(", ", _client.NameServers.Select(n => n.ToString()));
    }

    /// <summary>The servers actually queried, for -Verbose and the result.</summary>
    public string DnsServers { get; }

    /// <param name="mail">The identity store's mail settings, or null to use DNS only.</param>
    public async Task<EmailProviderResolution> ResolveAsync(MailSettings? mail, string emailAddress, CancellationToken cancellationToken)
    {
        string address = EmailAddressSyntax.Require(emailAddress, "EmailAddress");
        string domain = ProviderDomainChanges.DomainOf(address);
        var result = new EmailProviderResolution { EmailAddress = address, Domain = domain, DnsStatus = EmailDnsStatus.NotQueried };

        EmailProviderDomainEntry? row = mail is null ? null : ProviderDomainChanges.TryFind(mail, domain);
        if (row is not null)
        {
            result.Provider = EmailProvider.MailServer;
            result.DecidedBy = EmailProviderRule.ProviderDomainTable;
            result.Rule = $"{row.Domain} -> {row.MailServer}";
            result.MailServer = row.MailServer;
            result.ServiceType = MailServerChanges.TryFind(mail!, row.MailServer)?.ServiceType;
            return result;
        }

        DnsAnswer answer = await QueryAsync(domain, cancellationToken).ConfigureAwait(false);
        result.DnsServer = DnsServers;
        result.DnsStatus = answer.Status;
        result.MxHosts = answer.Hosts;
        result.Message = answer.Message;
        if (answer.Status != EmailDnsStatus.Ok)
        {
            bool failed = answer.Status == EmailDnsStatus.NxDomain || answer.Status == EmailDnsStatus.Timeout || answer.Status == EmailDnsStatus.Failed;
            result.DecidedBy = failed ? EmailProviderRule.DnsError : EmailProviderRule.NoKnownMxHost;
            result.Rule = failed ? $"DNS: {answer.Status}" : $"MX: {answer.Status}";
            return result;
        }

        foreach (string host in answer.Hosts)
        {
            if (KnownMailHosts.TryMatch(host, out string pattern, out EmailProvider provider))
            {
                result.Provider = provider;
                result.DecidedBy = EmailProviderRule.MxRecord;
                result.Rule = "MX " + pattern;
                result.MatchedHost = host;
                return result;
            }
        }

        result.DecidedBy = EmailProviderRule.NoKnownMxHost;
        result.Rule = "MX: no known host";
        return result;
    }

    private async Task<DnsAnswer> QueryAsync(string domain, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(domain, out DnsAnswer? cached)) return cached;

        DnsAnswer answer;
        try
        {
            IDnsQueryResponse response = await _client.QueryAsync(domain, QueryType.MX, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            answer = Read(domain, response);
        }
        catch (DnsResponseException e) when (e.Code == DnsResponseCode.ConnectionTimeout)
        {
            answer = new DnsAnswer(EmailDnsStatus.Timeout, $"No DNS server answered for '{domain}' within the timeout ({DnsServers}).");
        }
        catch (DnsResponseException e)
        {
            answer = new DnsAnswer(EmailDnsStatus.Failed, $"The MX query for '{domain}' failed ({DnsServers}): {e.Message.TrimEnd('.')}.");
        }

        _answers[domain] = answer;
        return answer;
    }

    private DnsAnswer Read(string domain, IDnsQueryResponse response)
    {
        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new DnsAnswer(EmailDnsStatus.NxDomain, $"The domain '{domain}' does not exist (NXDOMAIN from {response.NameServer}).");
        }

        if (response.HasError)
        {
            return new DnsAnswer(EmailDnsStatus.Failed, $"The DNS server {response.NameServer} answered the MX query for '{domain}' with {response.Header.ResponseCode} ({response.ErrorMessage}).");
        }

        var records = response.Answers.MxRecords().OrderBy(r => r.Preference).ToList();
        if (records.Count == 0) return new DnsAnswer(EmailDnsStatus.NoMxRecords, $"The domain '{domain}' has no MX records.");

        string[] hosts = records.Select(r => r.Exchange.Value.TrimEnd('.')).ToArray();
        if (hosts.Length == 1 && hosts[0].Length == 0)
        {
            return new DnsAnswer(EmailDnsStatus.NullMx, $"The domain '{domain}' publishes a null MX record: it accepts no email.");
        }

        return new DnsAnswer(EmailDnsStatus.Ok, null) { Hosts = hosts };
    }

    private sealed class DnsAnswer
    {
        public DnsAnswer(EmailDnsStatus status, string? message)
        {
            Status = status;
            Message = message;
        }

        public EmailDnsStatus Status { get; }
        public string? Message { get; }
        public string[] Hosts { get; set; } = Array.Empty<string>();
    }

    /// <summary>The error that goes with a resolution whose DNS answer failed (the resolution itself is still written).</summary>
    public static MessagingProviderException? DnsFailure(EmailProviderResolution result) => result.DnsStatus switch
    {
        EmailDnsStatus.NxDomain => new MessagingProviderException(ErrorIds.EmailDomainNotFound, ErrorKind.NotFound,
            result.Message + " Check the address for typos.", result.EmailAddress),
        EmailDnsStatus.Timeout => new MessagingProviderException(ErrorIds.DnsQueryTimeout, ErrorKind.OperationTimeout,
            result.Message + " Check -DnsServer and the network, or raise -TimeoutSeconds.", result.EmailAddress),
        EmailDnsStatus.Failed => new MessagingProviderException(ErrorIds.DnsQueryFailed, ErrorKind.ConnectionError,
            result.Message + " Check -DnsServer and try again.", result.EmailAddress),
        _ => null,
    };
}
