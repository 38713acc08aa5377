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

/// <summary>Mail-enabled objects on Exchange on-premises or Hybrid, through the priority-order runner.</summary>
public sealed class ExchangeMailEnabledObjectProvider : IMailEnabledObjectProvider
{
    private readonly string _identityStore;
    private readonly ExchangeSettings _settings;
    private readonly ExchangeCommandRunner _runner;

    public ExchangeMailEnabledObjectProvider(string identityStore, ExchangeSettings settings, ExchangeCommandRunner runner)
    {
        _identityStore = identityStore;
        _settings = settings;
        _runner = runner;
    }

    public string Describe(MailEnabledObjectRequest request) =>
        $"{ExchangeRecipientCommands.For(request, request.Alias ?? "", _settings).Name} on Exchange ({string.Join(", ", _runner.Servers)})";

    public MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        ExchangeCommand command = ExchangeRecipientCommands.For(request, alias, _settings);
        ExchangeRunResult result = _runner.Invoke(command, ExchangeRecipientCommands.ExistenceCheck(request.Identity), cancellationToken);
        ExchangeCommandFailure.ThrowIfFailed(result, command, request.Identity);
        PSObject? recipient = result.Output.FirstOrDefault();
        return new MailEnabledObjectResult
        {
            IdentityStore = _identityStore,
            Identity = request.Identity,
            Kind = request.Kind.ToString(),
            Alias = Text(recipient, "Alias") ?? alias,
            PrimarySmtpAddress = Text(recipient, "PrimarySmtpAddress") ?? "",
            RecipientTypeDetails = Text(recipient, "RecipientTypeDetails"),
            Provider = MessagingProviderType.Exchange,
            Command = command.Name,
            Server = result.Server,
        };
    }

    public EmailAddressUpdate SetEmailAddresses(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        // Bad input is refused before any remote call.
        EmailAddressExport.Compute(null, desired, primary, _settings.ExcludedSmtpDomains);

        ExchangeCommand read = ExchangeRecipientCommands.ExistenceCheck(identity);
        ExchangeRunResult current = _runner.Invoke(read, null, cancellationToken);
        ExchangeCommandFailure.ThrowIfFailed(current, read, identity);
        PSObject recipient = current.Output.FirstOrDefault() ?? throw new MessagingProviderException(ExchangeErrorIds.RecipientNotFound, ErrorKind.NotFound,
            $"Exchange server '{current.Server}' found no recipient '{identity}'. Mail-enable it first (Enable-MailEnabledUser, Enable-MailEnabledGroup, Enable-MailEnabledContact).", identity);

        EmailAddressUpdate update = EmailAddressExport.Compute(Strings(recipient, "EmailAddresses"), desired, primary, _settings.ExcludedSmtpDomains);
        update.Identity = identity;
        if (!update.Changed || !confirm(update)) return update;

        ExchangeCommand set = new ExchangeCommand(ExchangeRecipientCommands.SetCommandFor(Text(recipient, "RecipientTypeDetails"), identity))
            .With("Identity", identity)
            .With("EmailAddresses", update.EmailAddresses)
            // With the address policy on, Exchange would recompute the primary address and undo the export.
            .With("EmailAddressPolicyEnabled", false);
        ExchangeRunResult applied = _runner.Invoke(set, null, cancellationToken);
        ExchangeCommandFailure.ThrowIfFailed(applied, set, identity);
        update.Server = applied.Server;
        return update;
    }

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
