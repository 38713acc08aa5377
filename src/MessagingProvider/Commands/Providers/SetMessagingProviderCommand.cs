using System;
using System.Management.Automation;
using System.Security;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets an identity store's messaging provider. One parameter set per provider documents which
/// settings belong together; the -Provider value decides, and a setting that does not fit it is
/// refused. Changing to another provider discards the old provider's settings, so that asks for
/// confirmation (ShouldContinue) unless -Force is given.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MessagingProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ExchangeSet)]
[OutputType(typeof(MessagingProviderInfo), typeof(ExchangeProviderInfo), typeof(Office365ProviderInfo), typeof(GoogleWorkspaceProviderInfo), typeof(OtherProviderInfo))]
public sealed class SetMessagingProviderCommand : IdentityStoreCmdlet
{
    private const string ExchangeSet = "Exchange";
    private const string Office365Set = "Office365";
    private const string GoogleSet = "GoogleWorkspace";
    private const string OtherSet = "Other";
    private const string NoneSet = "None";

    [Parameter(Mandatory = true, Position = 1)]
    public MessagingProviderType Provider { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    [Parameter(ParameterSetName = Office365Set)]
    [Parameter(ParameterSetName = OtherSet)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    [ValidateSet("2013", "2016", "2019", "SE", IgnoreCase = true)]
    public string? Version { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    [ValidateNotNull]
    public string[]? Server { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    public ExchangeDeployment Deployment { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    public ExchangeAuthentication Authentication { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    public SwitchParameter UseSsl { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    public ExchangeCreateMethod CreateMethod { get; set; }

    [Parameter(ParameterSetName = ExchangeSet)]
    [AllowEmptyCollection]
    public string[]? ExcludedSmtpDomain { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    public CloudEnvironment Cloud { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNullOrEmpty]
    public string? Organization { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNullOrEmpty]
    public string? ApplicationId { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNull]
    public SecureString? CertificatePassword { get; set; }

    /// <summary>When the client secret expires (the readiness report uses it when it cannot read the app registration).</summary>
    [Parameter(ParameterSetName = Office365Set)]
    public DateTime ClientSecretExpiry { get; set; }

    /// <summary>The app's certificate by thumbprint from this computer's certificate store (nothing secret stored).</summary>
    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    public CertificateStoreLocation CertificateStoreLocation { get; set; }

    /// <summary>Sign in with the Azure managed identity of this machine or service (nothing secret stored).</summary>
    [Parameter(ParameterSetName = Office365Set)]
    public SwitchParameter ManagedIdentity { get; set; }

    /// <summary>The client ID of a user-assigned managed identity (implies -ManagedIdentity).</summary>
    [Parameter(ParameterSetName = Office365Set)]
    [ValidateNotNullOrEmpty]
    public string? ManagedIdentityClientId { get; set; }

    // Strings, not Uri: an empty string removes the override (back to the cloud's endpoint).
    [Parameter(ParameterSetName = Office365Set)]
    [AllowEmptyString]
    public string? AuthorityHost { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [AllowEmptyString]
    public string? GraphEndpoint { get; set; }

    [Parameter(ParameterSetName = Office365Set)]
    [AllowEmptyString]
    public string? ExchangeOnlineEndpoint { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [ValidateNotNullOrEmpty]
    public string? ServiceAccount { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [ValidateNotNullOrEmpty]
    public string? AdminUser { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [ValidateNotNullOrEmpty]
    public string? KeyPath { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [ValidateNotNull]
    public SecureString? KeyPassword { get; set; }

    /// <summary>KeyFile (-KeyPath) or Impersonation: keyless, the machine's Google Cloud identity has the service account's JWT signed.</summary>
    [Parameter(ParameterSetName = GoogleSet)]
    public GoogleSignIn SignIn { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [AllowEmptyString]
    public string? IamCredentialsEndpoint { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [AllowEmptyString]
    public string? TokenEndpoint { get; set; }

    [Parameter(ParameterSetName = GoogleSet)]
    [AllowEmptyString]
    public string? DirectoryApiEndpoint { get; set; }

    [Parameter(ParameterSetName = OtherSet)]
    public int MaximumAliasLength { get; set; }

    [Parameter(ParameterSetName = OtherSet)]
    [AllowEmptyString]
    public string? AliasPattern { get; set; }

    // Named in every set so that the None set exists: it documents -Provider None on its own.
    [Parameter(ParameterSetName = NoneSet)]
    [Parameter(ParameterSetName = ExchangeSet)]
    [Parameter(ParameterSetName = Office365Set)]
    [Parameter(ParameterSetName = GoogleSet)]
    [Parameter(ParameterSetName = OtherSet)]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            ProviderChange change = BuildChange();
            ProviderParameters.RequireFit(Provider, change.GivenParameters);
            MessagingProviderSettings current = Store.Get(IdentityStore).Messaging;
            bool discards = MessagingProviderChanges.DiscardsSettings(current, Provider);
            string action = discards
                ? $"Replace messaging provider {current.Provider} with {Provider} (the {current.Provider} settings are discarded)"
                : $"Set messaging provider {Provider}";
            if (!ShouldProcess(IdentityStore, action)) return;
            if (discards && !Force && !ShouldContinue(
                    $"The {current.Provider} settings of identity store '{IdentityStore}' (credentials, servers, certificates) will be discarded. Continue?",
                    "Replace messaging provider"))
            {
                return;
            }

            IdentityStoreDocument updated = Store.Update(IdentityStore, d => MessagingProviderChanges.Apply(d, change, Store.Secrets), CancellationToken);
            WriteVerbose($"Identity store '{IdentityStore}': messaging provider is {Provider}.");
            MessagingProviderInfo info = MessagingProviderInfo.From(updated);
            ProviderExpiryWarning.Report(info, Streams);
            if (PassThru) WriteObject(info);
        });
    }

    private ProviderChange BuildChange()
    {
        var given = MyInvocation.BoundParameters;
        return new ProviderChange
        {
            Provider = Provider,
            GivenParameters = GivenParameters(),
            Domain = Domain,
            Version = Version is null ? null : ExchangeVersionNames.Parse(Version),
            Credential = Credential,
            Servers = Server,
            Deployment = given.ContainsKey(nameof(Deployment)) ? Deployment : null,
            Authentication = given.ContainsKey(nameof(Authentication)) ? Authentication : null,
            UseSsl = given.ContainsKey(nameof(UseSsl)) ? UseSsl.IsPresent : null,
            CreateMethod = given.ContainsKey(nameof(CreateMethod)) ? CreateMethod : null,
            ExcludedSmtpDomains = ExcludedSmtpDomain,
            Cloud = given.ContainsKey(nameof(Cloud)) ? Cloud : null,
            Organization = Organization,
            ApplicationId = ApplicationId,
            ClientSecret = ClientSecret,
            CertificatePath = CertificatePath is null ? null : ResolveFilePath(CertificatePath),
            CertificatePassword = CertificatePassword,
            CertificateThumbprint = CertificateThumbprint,
            CertificateStoreLocation = given.ContainsKey(nameof(CertificateStoreLocation)) ? CertificateStoreLocation : null,
            ManagedIdentity = ManagedIdentity.IsPresent,
            ManagedIdentityClientId = ManagedIdentityClientId,
            ClientSecretExpiry = given.ContainsKey(nameof(ClientSecretExpiry)) ? new DateTimeOffset(ClientSecretExpiry) : null,
            AuthorityHost = AuthorityHost,
            GraphEndpoint = GraphEndpoint,
            ExchangeOnlineEndpoint = ExchangeOnlineEndpoint,
            ServiceAccount = ServiceAccount,
            AdminUser = AdminUser,
            KeyPath = KeyPath is null ? null : ResolveFilePath(KeyPath),
            KeyPassword = KeyPassword,
            GoogleSignIn = given.ContainsKey(nameof(SignIn)) ? SignIn : null,
            IamCredentialsEndpoint = IamCredentialsEndpoint,
            TokenEndpoint = TokenEndpoint,
            DirectoryApiEndpoint = DirectoryApiEndpoint,
            MaximumAliasLength = given.ContainsKey(nameof(MaximumAliasLength)) ? MaximumAliasLength : null,
            AliasPattern = AliasPattern,
        };
    }
}
