using System;
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
using MessagingProvider.Recipients.Addresses;

namespace MessagingProvider.Exchange;

/// <summary>
/// Mail-enabled objects on an Exchange: on premises or Hybrid through the priority-order runner,
/// or Exchange Online through its REST admin API. Both read with Get-Recipient and set addresses
/// with the connector's export; the cmdlets that create differ (<see cref="IRecipientCommandSet"/>).
/// </summary>
public sealed class ExchangeMailEnabledObjectProvider : IMailEnabledObjectProvider, IAddressDirectory
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
        Addresses = new AddressChecker(identityStore, commands.Provider, this);
    }

    public AddressChecker Addresses { get; }

    public string Describe(MailEnabledObjectRequest request)
    {
        ExchangeCommand command = _commands.For(request, request.Alias ?? "");
        return $"{command.Name} on {_runner.Location}{ExchangeFollowUp.Describe(request, command)}";
    }

    public MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        ExchangeCommand command = _commands.For(request, alias);
        if (!request.SkipAddressCheck) CheckAddresses(request, alias, cancellationToken);
        ExchangeRunResult result = _runner.Run(command, FailoverCheck.Created(ExchangeRecipientCommands.ExistenceCheck(request.Identity)), request.Identity, cancellationToken);
        ExchangeFollowUp.Run(_runner, request, command, result, cancellationToken);
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

    /// <summary>
    /// The address the object gets must be free and in an accepted domain. A contact's address is
    /// outside the organisation by nature: only that nobody inside already has it is checked.
    /// </summary>
    private void CheckAddresses(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        if (request.Kind == MailEnabledObjectKind.Contact)
        {
            string? holder = request.ExternalEmailAddress is null ? null : FindHolder(request.ExternalEmailAddress, cancellationToken);
            if (holder is not null)
            {
                throw new MessagingProviderException(ErrorIds.EmailAddressInUse, ErrorKind.AlreadyExists,
                    $"{request.ExternalEmailAddress} cannot be given to the contact '{request.Identity}': it is already used by '{holder}' (identity store '{_identityStore}'). -SkipAddressCheck skips this check.",
                    request.Identity);
            }

            if (request.PrimarySmtpAddress is null) return;
        }

        Addresses.Require(_commands.PlannedPrimary(request, alias), request.Identity, cancellationToken);
    }

    public IReadOnlyList<string> ReadAcceptedDomains(CancellationToken cancellationToken) =>
        _runner.Run(ExchangeRecipientQueries.AcceptedDomains(), null, _identityStore, cancellationToken).Output
            .Select(d => ExchangeRecipientQueries.Text(d, "DomainName") ?? ExchangeRecipientQueries.Text(d, "Name"))
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => d!)
            .ToList();

    public bool CanFindHolders => true;

    public string? FindHolder(string address, CancellationToken cancellationToken)
    {
        PSObject? holder = _runner.Run(ExchangeRecipientQueries.Holder(address), null, address, cancellationToken).Output.FirstOrDefault();
        return holder is null ? null : ExchangeRecipientQueries.Text(holder, "Name") ?? ExchangeRecipientQueries.Text(holder, "Identity") ?? address;
    }

    public IReadOnlyList<MailEnabledObjectInfo> Find(MailEnabledObjectQuery query, CancellationToken cancellationToken)
    {
        string target = query.Identity ?? query.EmailAddress ?? query.Name ?? _identityStore;
        ExchangeRunResult result;
        try
        {
            result = _runner.Run(ExchangeRecipientQueries.Find(query), null, target, cancellationToken);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(query.Kind, target, e.Message, e);
        }

        IEnumerable<PSObject> found = result.Output;
        if (query.ResultSize is int size) found = found.Take(size);
        List<MailEnabledObjectInfo> objects = found.Select(o => ExchangeRecipientQueries.Info(o, query.Kind, _identityStore, _commands.Provider, result.Server)).ToList();
        if (objects.Count == 0 && query.NamesOneObject) throw NotFound(query.Kind, target, $"{_runner.Location} has no mail-enabled {query.Kind.ToString().ToLowerInvariant()} {query.Describe()}.", null);
        return objects;
    }

    public MailEnabledObjectRemoval? Remove(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        ExchangeRunResult read;
        try
        {
            read = _runner.Run(ExchangeRecipientQueries.Read(kind, identity), null, identity, cancellationToken);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(kind, identity, e.Message, e);
        }

        PSObject recipient = read.Output.FirstOrDefault() ?? throw NotFound(kind, identity, $"{_runner.Location} found no mail-enabled {kind.ToString().ToLowerInvariant()} '{identity}'.", null);
        string? type = ExchangeRecipientQueries.Text(recipient, "RecipientTypeDetails");
        ExchangeCommand command = _commands.Remove(kind, type, identity, disable);
        if (!confirm($"{command.Name} ({type}) on {_runner.Location}")) return null;

        ExchangeRunResult result = _runner.Run(command, ExchangeRemovalCommands.Done(kind, identity), identity, cancellationToken);
        return new MailEnabledObjectRemoval
        {
            IdentityStore = _identityStore,
            Identity = identity,
            Kind = kind.ToString(),
            Action = disable ? "Disabled" : "Removed",
            RecipientTypeDetails = type,
            Provider = _commands.Provider,
            Command = command.Name,
            Server = result.Server,
            CompletedBeforeFailover = result.FoundAfterFailover,
        };
    }

    public MailEnabledObjectInfo? Change(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        (PSObject recipient, string readFrom) = ReadOne(kind, identity, cancellationToken);
        MailEnabledObjectInfo current = ExchangeRecipientQueries.Info(recipient, kind, _identityStore, _commands.Provider, readFrom);
        settings = settings.Except(current);
        if (settings.Given().Count == 0) return current;
        string? type = current.RecipientTypeDetails;
        ExchangeCommand command = ExchangeSettingsCommands.For(kind, type, identity, settings);
        if (!confirm($"{command.Name} {string.Join(", ", settings.Given())} ({type}) on {_runner.Location}")) return null;

        // A Set- gives the same result however often it runs, so a server lost after running it may
        // be followed by the same command on the next one: no existence check is needed.
        string server = _runner.Run(command, null, identity, cancellationToken).Server;
        (PSObject after, string _) = ReadOne(kind, identity, cancellationToken);
        return ExchangeRecipientQueries.Info(after, kind, _identityStore, _commands.Provider, server);
    }

    private (PSObject Recipient, string Server) ReadOne(MailEnabledObjectKind kind, string identity, CancellationToken cancellationToken)
    {
        ExchangeRunResult read;
        try
        {
            read = _runner.Run(ExchangeRecipientQueries.Read(kind, identity), null, identity, cancellationToken);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(kind, identity, e.Message, e);
        }

        PSObject recipient = read.Output.FirstOrDefault() ?? throw NotFound(kind, identity, $"{_runner.Location} found no mail-enabled {kind.ToString().ToLowerInvariant()} '{identity}'.", null);
        return (recipient, read.Server);
    }

    private MessagingProviderException NotFound(MailEnabledObjectKind kind, string target, string why, Exception? inner) =>
        new MessagingProviderException(ErrorIds.RecipientNotFound, ErrorKind.NotFound,
            $"{why} Get-MailEnabled{kind} -IdentityStore '{_identityStore}' -Name '*' lists the {kind.ToString().ToLowerInvariant()}s there are.", target, inner);

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

    public EmailAddressUpdate EditEmailAddresses(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        (PSObject recipient, string _) = Read(identity, cancellationToken);
        List<string> current = Strings(recipient, "EmailAddresses").ToList();
        EmailAddressUpdate update = EmailAddressEdit.Compute(current, add, remove, primary, _commands.ExcludedSmtpDomains);
        update.Identity = identity;
        if (!skipAddressCheck)
        {
            string self = ExchangeRecipientQueries.Text(recipient, "Name") ?? identity;
            foreach (string address in EmailAddressEdit.NewAddresses(current, update)) RequireFree(address, identity, self, cancellationToken);
        }

        if (!update.Changed || !confirm(update)) return update;
        ExchangeCommand set = _commands.SetEmailAddresses(ExchangeRecipientQueries.Text(recipient, "RecipientTypeDetails"), identity, update.EmailAddresses);
        update.Server = _runner.Run(set, null, identity, cancellationToken).Server;
        return update;
    }

    /// <summary>The address checks for an address added to an existing recipient: the recipient itself may hold it.</summary>
    private void RequireFree(string address, string identity, string self, CancellationToken cancellationToken)
    {
        EmailAddressCheck check = Addresses.Check(address, cancellationToken);
        if (!check.DomainAccepted || (check.InUse == true && !string.Equals(check.HeldBy, self, StringComparison.OrdinalIgnoreCase)))
        {
            Addresses.Require(address, identity, cancellationToken);
        }
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

    private static string? Text(PSObject? o, string property) => ExchangeRecipientQueries.Text(o, property);

    private static IEnumerable<string> Strings(PSObject o, string property) => ExchangeRecipientQueries.Strings(o, property);
}
