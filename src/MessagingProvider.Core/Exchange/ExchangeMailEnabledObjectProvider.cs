using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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

    public async Task<MailEnabledObjectResult> ProvisionAsync(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        ExchangeCommand command = _commands.For(request, alias);
        if (!request.SkipAddressCheck) await CheckAddressesAsync(request, alias, cancellationToken).ConfigureAwait(false);
        ExchangeRunResult result = await _runner.RunAsync(command, FailoverCheck.Created(ExchangeRecipientCommands.ExistenceCheck(request.Identity)), request.Identity, cancellationToken).ConfigureAwait(false);
        await ExchangeFollowUp.RunAsync(_runner, request, command, result, cancellationToken).ConfigureAwait(false);
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
    private async Task CheckAddressesAsync(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        if (request.Kind == MailEnabledObjectKind.Contact)
        {
            string? holder = request.ExternalEmailAddress is null ? null : (await FindHolderAsync(request.ExternalEmailAddress, cancellationToken).ConfigureAwait(false));
            if (holder is not null)
            {
                throw new MessagingProviderException(ErrorIds.EmailAddressInUse, ErrorKind.AlreadyExists,
                    $"{request.ExternalEmailAddress} cannot be given to the contact '{request.Identity}': it is already used by '{holder}' (identity store '{_identityStore}'). -SkipAddressCheck skips this check.",
                    request.Identity);
            }

            if (request.PrimarySmtpAddress is null) return;
        }

        await Addresses.RequireAsync(_commands.PlannedPrimary(request, alias), request.Identity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ReadAcceptedDomainsAsync(CancellationToken cancellationToken) =>
        (await _runner.RunAsync(ExchangeRecipientQueries.AcceptedDomains(), null, _identityStore, cancellationToken).ConfigureAwait(false)).Output
            .Select(d => ExchangeRecipientQueries.Text(d, "DomainName") ?? ExchangeRecipientQueries.Text(d, "Name"))
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => d!)
            .ToList();

    public bool CanFindHolders => true;

    public async Task<string?> FindHolderAsync(string address, CancellationToken cancellationToken)
    {
        PSObject? holder = (await _runner.RunAsync(ExchangeRecipientQueries.Holder(address), null, address, cancellationToken).ConfigureAwait(false)).Output.FirstOrDefault();
        return holder is null ? null : ExchangeRecipientQueries.Text(holder, "Name") ?? ExchangeRecipientQueries.Text(holder, "Identity") ?? address;
    }

    public async Task<IReadOnlyList<MailEnabledObjectInfo>> FindAsync(MailEnabledObjectQuery query, CancellationToken cancellationToken)
    {
        string target = query.Identity ?? query.EmailAddress ?? query.Name ?? _identityStore;
        ExchangeRunResult result;
        try
        {
            result = await _runner.RunAsync(ExchangeRecipientQueries.Find(query), null, target, cancellationToken).ConfigureAwait(false);
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

    public async Task<MailEnabledObjectRemoval?> RemoveAsync(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        ExchangeRunResult read;
        try
        {
            read = await _runner.RunAsync(ExchangeRecipientQueries.Read(kind, identity), null, identity, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(kind, identity, e.Message, e);
        }

        PSObject recipient = read.Output.FirstOrDefault() ?? throw NotFound(kind, identity, $"{_runner.Location} found no mail-enabled {kind.ToString().ToLowerInvariant()} '{identity}'.", null);
        string? type = ExchangeRecipientQueries.Text(recipient, "RecipientTypeDetails");
        ExchangeCommand command = _commands.Remove(kind, type, identity, disable);
        if (!confirm($"{command.Name} ({type}) on {_runner.Location}")) return null;

        ExchangeRunResult result = await _runner.RunAsync(command, ExchangeRemovalCommands.Done(kind, identity), identity, cancellationToken).ConfigureAwait(false);
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

    public async Task<MailEnabledObjectInfo?> ChangeAsync(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        (PSObject recipient, string readFrom) = await ReadOneAsync(kind, identity, cancellationToken).ConfigureAwait(false);
        MailEnabledObjectInfo current = ExchangeRecipientQueries.Info(recipient, kind, _identityStore, _commands.Provider, readFrom);
        settings = settings.Except(current);
        if (settings.Given().Count == 0) return current;
        string? type = current.RecipientTypeDetails;
        ExchangeCommand command = ExchangeSettingsCommands.For(kind, type, identity, settings);
        if (!confirm($"{command.Name} {string.Join(", ", settings.Given())} ({type}) on {_runner.Location}")) return null;

        // A Set- gives the same result however often it runs, so a server lost after running it may
        // be followed by the same command on the next one: no existence check is needed.
        string server = (await _runner.RunAsync(command, null, identity, cancellationToken).ConfigureAwait(false)).Server;
        (PSObject after, string _) = await ReadOneAsync(kind, identity, cancellationToken).ConfigureAwait(false);
        return ExchangeRecipientQueries.Info(after, kind, _identityStore, _commands.Provider, server);
    }

    private async Task<(PSObject Recipient, string Server)> ReadOneAsync(MailEnabledObjectKind kind, string identity, CancellationToken cancellationToken)
    {
        ExchangeRunResult read;
        try
        {
            read = await _runner.RunAsync(ExchangeRecipientQueries.Read(kind, identity), null, identity, cancellationToken).ConfigureAwait(false);
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

    public async Task<EmailAddressUpdate> SetEmailAddressesAsync(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        // Bad input is refused before any remote call.
        EmailAddressExport.Compute(null, desired, primary, _commands.ExcludedSmtpDomains);

        (PSObject recipient, string server) = await ReadAsync(identity, cancellationToken).ConfigureAwait(false);
        EmailAddressUpdate update = EmailAddressExport.Compute(Strings(recipient, "EmailAddresses"), desired, primary, _commands.ExcludedSmtpDomains);
        update.Identity = identity;
        if (!update.Changed || !confirm(update)) return update;

        ExchangeCommand set = _commands.SetEmailAddresses(Text(recipient, "RecipientTypeDetails"), identity, update.EmailAddresses);
        update.Server = (await _runner.RunAsync(set, null, identity, cancellationToken).ConfigureAwait(false)).Server;
        return update;
    }

    public async Task<EmailAddressUpdate> EditEmailAddressesAsync(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        (PSObject recipient, string _) = await ReadAsync(identity, cancellationToken).ConfigureAwait(false);
        List<string> current = Strings(recipient, "EmailAddresses").ToList();
        EmailAddressUpdate update = EmailAddressEdit.Compute(current, add, remove, primary, _commands.ExcludedSmtpDomains);
        update.Identity = identity;
        if (!skipAddressCheck)
        {
            string self = ExchangeRecipientQueries.Text(recipient, "Name") ?? identity;
            foreach (string address in EmailAddressEdit.NewAddresses(current, update)) await RequireFreeAsync(address, identity, self, cancellationToken).ConfigureAwait(false);
        }

        if (!update.Changed || !confirm(update)) return update;
        ExchangeCommand set = _commands.SetEmailAddresses(ExchangeRecipientQueries.Text(recipient, "RecipientTypeDetails"), identity, update.EmailAddresses);
        update.Server = (await _runner.RunAsync(set, null, identity, cancellationToken).ConfigureAwait(false)).Server;
        return update;
    }

    /// <summary>The address checks for an address added to an existing recipient: the recipient itself may hold it.</summary>
    private async Task RequireFreeAsync(string address, string identity, string self, CancellationToken cancellationToken)
    {
        EmailAddressCheck check = await Addresses.CheckAsync(address, cancellationToken).ConfigureAwait(false);
        if (!check.DomainAccepted || (check.InUse == true && !string.Equals(check.HeldBy, self, StringComparison.OrdinalIgnoreCase)))
        {
            await Addresses.RequireAsync(address, identity, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(PSObject Recipient, string Server)> ReadAsync(string identity, CancellationToken cancellationToken)
    {
        ExchangeCommand read = ExchangeRecipientCommands.ExistenceCheck(identity);
        ExchangeRunResult current;
        try
        {
            current = await _runner.RunAsync(read, null, identity, cancellationToken).ConfigureAwait(false);
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
