using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.Addresses;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>
/// Mail-enabled objects on an Exchange: on premises or Hybrid through the priority-order runner,
/// or Exchange Online through its REST admin API. Both read with Get-Recipient and set addresses
/// with the connector's export; the cmdlets that create differ (<see cref="IRecipientCommandSet"/>).
/// </summary>
public sealed class ExchangeMailEnabledObjectProvider : IMailEnabledObjectProvider
{
    private readonly string _identityStore;
    private readonly IRecipientCommandSet _commands;
    private readonly IRecipientCommandRunner _runner;
    private readonly Action<string> _warning;

    public ExchangeMailEnabledObjectProvider(string identityStore, IRecipientCommandSet commands, IRecipientCommandRunner runner, Action<string>? warning = null)
    {
        _identityStore = identityStore;
        _commands = commands;
        _runner = runner;
        _warning = warning ?? (_ => { });
    }

    public string Describe(MailEnabledObjectRequest request) => $"{_commands.For(request, request.Alias ?? "").Name} on {_runner.Location}";

    public MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        ExchangeCommand command = _commands.For(request, alias);
        ExchangeRunResult result = _runner.Run(command, ExchangeRecipientCommands.ExistenceCheck(request.Identity), request.Identity, cancellationToken);
        string? notice = _commands.NoticeAfter(request);
        if (notice is not null) _warning(notice);
        PSObject? recipient = result.Output.FirstOrDefault();
        return new MailEnabledObjectResult
        {
            IdentityStore = _identityStore,
            Identity = request.Identity,
            Kind = request.Kind.ToString(),
            Alias = Text(recipient, "Alias") ?? alias,
            PrimarySmtpAddress = Text(recipient, "PrimarySmtpAddress") ?? "",
            RecipientTypeDetails = Text(recipient, "RecipientTypeDetails"),
            Provider = _commands.Provider,
            Command = command.Name,
            Server = result.Server,
        };
    }

    public EmailAddressUpdate SetEmailAddresses(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        // Bad input is refused before any remote call.
        EmailAddressExport.Compute(null, desired, primary, _commands.ExcludedSmtpDomains);

        (PSObject recipient, string server) = Read(identity, cancellationToken);
        EmailAddressUpdate update = EmailAddressExport.Compute(Strings(recipient, "EmailAddresses"), desired, primary, _commands.ExcludedSmtpDomains);
        update.Identity = identity;
        if (!update.Changed || !confirm(update)) return update;

        ExchangeCommand set = _commands.SetEmailAddresses(Text(recipient, "RecipientTypeDetails"), identity, update.EmailAddresses);
        update.Server = _runner.Run(set, null, identity, cancellationToken).Server;
        return update;
    }

    private (PSObject Recipient, string Server) Read(string identity, CancellationToken cancellationToken)
    {
        ExchangeCommand read = ExchangeRecipientCommands.ExistenceCheck(identity);
        ExchangeRunResult current;
        try
        {
            current = _runner.Run(read, null, identity, cancellationToken);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(identity, e.Message, e);
        }

        PSObject recipient = current.Output.FirstOrDefault() ?? throw NotFound(identity, $"{_runner.Location} found no recipient '{identity}'.", null);
        return (recipient, current.Server);
    }

    private static MessagingProviderException NotFound(string identity, string why, Exception? inner) =>
        new MessagingProviderException(ErrorIds.RecipientNotFound, ErrorKind.NotFound,
            $"{why} Mail-enable it first (Enable-MailEnabledUser, Enable-MailEnabledGroup, Enable-MailEnabledContact).", identity, inner);

    public void Dispose() => _runner.Dispose();

    public void Abandon() => _runner.Abandon();

    private static string? Text(PSObject? o, string property) => o?.Properties[property]?.Value?.ToString();

    /// <summary>A deserialized multi-valued property (ProxyAddressCollection comes back as a list of strings or of objects whose text is the address).</summary>
    private static IEnumerable<string> Strings(PSObject o, string property)
    {
        object? value = o.Properties[property]?.Value;
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        if (value is null) yield break;
        if (value is string single)
        {
            yield return single;
            yield break;
        }

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                if (item is not null) yield return item.ToString()!;
            }
        }
    }
}
