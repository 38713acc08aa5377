using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Output;
using MessagingProvider.Providers;
using MessagingProvider.Recipients;

namespace MessagingProvider.Commands;

/// <summary>
/// Mail-enables existing directory users: a mailbox (Enable-Mailbox; Enable-RemoteMailbox when the
/// store is Hybrid), or with -ExternalEmailAddress a mail user (Enable-MailUser).
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "MailEnabledUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MailEnabledObjectResult))]
public sealed class EnableMailEnabledUserCommand : MailEnabledObjectCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DistinguishedName")]
    [ValidateNotNullOrEmpty]
    public string Identity { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Alias { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GivenName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Surname { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>Makes the user a mail user whose mail goes to this outside address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ExternalEmailAddress { get; set; }

    protected override void ProcessRecord()
    {
        if (ExternalEmailAddress is not null && !TryRun(() => EmailAddressSyntax.Require(ExternalEmailAddress, nameof(ExternalEmailAddress)))) return;
        Provision(new MailEnabledObjectRequest
        {
            Kind = MailEnabledObjectKind.User,
            Mode = MailEnabledObjectMode.Enable,
            Identity = Identity,
            Alias = Alias,
            SamAccountName = SamAccountName,
            GivenName = GivenName,
            Surname = Surname,
            Name = Name,
            ExternalEmailAddress = ExternalEmailAddress?.Trim(),
            UserType = ExternalEmailAddress is null ? MailUserType.Mailbox : MailUserType.MailUser,
        });
    }
}
