using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>
/// What the New-/Enable- cmdlet of a request cannot set itself (HiddenFromAddressListsEnabled
/// never; ManagedBy on Enable-DistributionGroup), sent as the recipient type's Set- right after the
/// create, on the server that created it.
/// </summary>
public static class ExchangeFollowUp
{
    /// <summary>The settings left for a Set- after <paramref name="create"/>, or null when the create carries them all.</summary>
    public static MailEnabledObjectSettings? Settings(MailEnabledObjectRequest request, ExchangeCommand create)
    {
        var settings = new MailEnabledObjectSettings();
        if (request.HiddenFromAddressListsEnabled && create["HiddenFromAddressListsEnabled"] is null) settings.HiddenFromAddressListsEnabled = true;
        if (request.ManagedBy is { Length: > 0 } owners && create["ManagedBy"] is null) settings.ManagedBy = owners;
        return settings.Given().Count == 0 ? null : settings;
    }

    /// <summary>The Set-MailEnabled* arguments that apply <paramref name="settings"/>, as an administrator would type them.</summary>
    private static string Arguments(MailEnabledObjectSettings settings) =>
        (settings.HiddenFromAddressListsEnabled is bool hidden ? " -HiddenFromAddressListsEnabled $" + hidden.ToString().ToLowerInvariant() : "") +
        (settings.ManagedBy is { } owners ? " -ManagedBy " + string.Join(", ", owners.Select(o => "'" + o.Replace("'", "''") + "'")) : "");

    /// <summary>For -WhatIf: " then Set-DistributionGroup -HiddenFromAddressListsEnabled", or "".</summary>
    public static string Describe(MailEnabledObjectRequest request, ExchangeCommand create)
    {
        MailEnabledObjectSettings? settings = Settings(request, create);
        if (settings is null) return "";
        return $", then {ExchangeSettingsCommands.For(request.Kind, TypeMadeBy(request, create), request.Identity, settings).Name} {string.Join(", ", settings.Given().Select(s => "-" + s))} on the same server";
    }

    /// <summary>The recipient type <paramref name="create"/> makes, for when its output does not say (and for -WhatIf, before it runs).</summary>
    private static string TypeMadeBy(MailEnabledObjectRequest request, ExchangeCommand create) => request.Kind switch
    {
        MailEnabledObjectKind.Group => "MailUniversalDistributionGroup",
        MailEnabledObjectKind.Contact => "MailContact",
        _ => create.Name.IndexOf("Remote", StringComparison.Ordinal) >= 0 ? "RemoteUserMailbox" : create.Name.EndsWith("MailUser", StringComparison.Ordinal) ? "MailUser" : "UserMailbox",
    };

    /// <summary>
    /// The identity the Set- names: the created object's GUID or identity as the create returned it
    /// (an Exchange Online create of a directory object's leaf name, or an Enable- by distinguished name, differ from the request).
    /// </summary>
    public static string IdentityOf(PSObject? created, string fallback) =>
        ExchangeRecipientQueries.Text(created, "Guid") ?? ExchangeRecipientQueries.Text(created, "Identity") ?? fallback;

    /// <summary>
    /// Runs the Set- where the object is known to exist: the server that created it, or, when that
    /// one dropped and the next found the object, that next server. A runner with one endpoint
    /// (Exchange Online) simply runs it.
    /// </summary>
    public static async Task RunAsync(IRecipientCommandRunner runner, MailEnabledObjectRequest request, ExchangeCommand create, ExchangeRunResult created, CancellationToken cancellationToken)
    {
        MailEnabledObjectSettings? settings = Settings(request, create);
        if (settings is null) return;
        PSObject? recipient = created.Output.FirstOrDefault();
        string identity = IdentityOf(recipient, (create["Name"] ?? create["Identity"]) as string ?? request.Identity);
        ExchangeCommand set = ExchangeSettingsCommands.For(request.Kind, ExchangeRecipientQueries.Text(recipient, "RecipientTypeDetails") ?? TypeMadeBy(request, create), identity, settings);
        string server = created.FoundAfterFailover ? created.FoundOn ?? created.Server : created.Server;
        try
        {
            if (runner is IServerBoundCommandRunner bound) await bound.RunOnAsync(server, set, request.Identity, cancellationToken).ConfigureAwait(false);
            else await runner.RunAsync(set, null, request.Identity, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingProviderException e)
        {
            throw new MessagingProviderException(ErrorIds.SettingsAfterCreateFailed, e.Kind,
                $"'{request.Identity}' was created by {create.Name} on '{created.Server}', but {set.Name} ({string.Join(", ", settings.Given())}) failed: {e.Message} " +
                $"Finish it with Set-MailEnabled{request.Kind} -Identity '{identity}'{Arguments(settings)}.",
                request.Identity, e);
        }
    }
}
