using System;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets a recipient's EmailAddresses the way the connector exports them: non-SMTP and
/// excluded-domain addresses stay, the given SMTP addresses replace the managed ones, the
/// primary goes last with an uppercase SMTP: prefix. With -Add/-Remove, only those change.
/// </summary>
[Cmdlet(VerbsCommon.Set, "RecipientEmailAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = Replace)]
[OutputType(typeof(EmailAddressUpdate))]
public sealed class SetRecipientEmailAddressCommand : MailEnabledObjectCmdlet
{
    private const string Replace = "Replace";
    private const string Edit = "Edit";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    /// <summary>The SMTP addresses the recipient should have (bare, smtp: or SMTP:).</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = Replace)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = Array.Empty<string>();

    /// <summary>Addresses to add, the others kept (Exchange's @{Add=…}).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Edit)]
    [ValidateNotNullOrEmpty]
    public string[]? Add { get; set; }

    /// <summary>Addresses to remove, the others kept (Exchange's @{Remove=…}).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Edit)]
    [ValidateNotNullOrEmpty]
    public string[]? Remove { get; set; }

    /// <summary>Leaves out the accepted-domain and address-in-use checks of the added addresses.</summary>
    [Parameter(ParameterSetName = Edit)]
    public SwitchParameter SkipAddressCheck { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PrimarySmtpAddress { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            if (ParameterSetName == Edit && (Add ?? Array.Empty<string>()).Length + (Remove ?? Array.Empty<string>()).Length == 0 && PrimarySmtpAddress is null)
            {
                throw new MessagingProviderException(ErrorIds.InvalidEmailAddresses, ErrorKind.InvalidArgument,
                    $"Give the addresses to add (-Add), to remove (-Remove) or the new primary (-PrimarySmtpAddress) for '{Identity}'.", Identity);
            }

            IdentityStoreDocument document = Document(IdentityStore);
            IMailEnabledObjectProvider provider = ProviderFor(document);
            string identity = Identity;
            string[] add = Add ?? Array.Empty<string>(), remove = Remove ?? Array.Empty<string>(), emailAddress = EmailAddress;
            string? primary = PrimarySmtpAddress;
            bool edit = ParameterSetName == Edit, skipAddressCheck = SkipAddressCheck;
            Func<EmailAddressUpdate, bool> confirm = u => ShouldProcessFromWork(identity, $"Set EmailAddresses to {string.Join(", ", u.EmailAddresses)}");
            EmailAddressUpdate update = RunAsync((streams, token) => edit
                ? provider.EditEmailAddressesAsync(identity, add, remove, primary, skipAddressCheck, confirm, token)
                : provider.SetEmailAddressesAsync(identity, emailAddress, primary, confirm, token));
            if (!update.Changed) WriteVerbose($"'{Identity}' already has exactly these addresses; nothing was sent.");
            WriteObject(update);
        });
    }
}
