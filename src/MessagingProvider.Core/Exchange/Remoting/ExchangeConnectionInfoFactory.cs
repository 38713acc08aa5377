using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MessagingProvider.Configuration;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// Builds the remote PowerShell connection to one Exchange server: WS-Management to
/// http(s)://server/PowerShell/ with the Microsoft.Exchange configuration.
/// </summary>
public static class ExchangeConnectionInfoFactory
{
    public const string ExchangeShellUri = "http://schemas.microsoft.com/powershell/Microsoft.Exchange";

    /// <summary>
    /// Test seam, not a feature: when set, the runner connects to whatever this returns for a
    /// server name (the tests return a NamedPipeConnectionInfo to a stand-in server process)
    /// instead of WS-Management. Only BCL and System.Management.Automation types, so tests can set
    /// it by reflection across the module's private load context. Never set in production.
    /// </summary>
    internal static Func<string, RunspaceConnectionInfo>? TestConnectionOverride;

    public static Uri EndpointUri(string server, ExchangeSettings settings)
    {
        bool https = settings.UseSsl;
        int port = https ? settings.Connection.HttpsPort : settings.Connection.HttpPort;
        var builder = new UriBuilder(https ? "https" : "http", server, port, "/PowerShell/");
        return builder.Uri;
    }

    public static WSManConnectionInfo CreateWSMan(string server, ExchangeSettings settings, PSCredential credential)
    {
        ExchangeTransportSecurity.RequireProtectedBasic(settings);
        ExchangeConnectionOptions options = settings.Connection;
        var info = new WSManConnectionInfo(EndpointUri(server, settings), ExchangeShellUri, credential)
        {
            AuthenticationMechanism = MechanismOf(settings.Authentication),
            // A certificate no authority issued has no revocation list to check either.
            SkipCACheck = options.SkipCertificateCheck,
            SkipRevocationCheck = options.SkipCertificateCheck,
            SkipCNCheck = options.SkipCertificateNameCheck,
        };

        ApplyTimeouts(info, options);
        return info;
    }

    /// <summary>The connection the runner uses for one server: WS-Management, or the test seam's.</summary>
    public static RunspaceConnectionInfo Create(string server, ExchangeSettings settings, Func<PSCredential> credential)
    {
        Func<string, RunspaceConnectionInfo>? overrideFactory = TestConnectionOverride;
        if (overrideFactory is null) return CreateWSMan(server, settings, credential());

        RunspaceConnectionInfo info = overrideFactory(server);
        ApplyTimeouts(info, settings.Connection);
        return info;
    }

    public static AuthenticationMechanism MechanismOf(ExchangeAuthentication authentication) => authentication switch
    {
        ExchangeAuthentication.Basic => AuthenticationMechanism.Basic,
        ExchangeAuthentication.Negotiate => AuthenticationMechanism.Negotiate,
        ExchangeAuthentication.Kerberos => AuthenticationMechanism.Kerberos,
        ExchangeAuthentication.CredSSP => AuthenticationMechanism.Credssp,
        _ => AuthenticationMechanism.Default,
    };

    private static void ApplyTimeouts(RunspaceConnectionInfo info, ExchangeConnectionOptions options)
    {
        info.OpenTimeout = checked(options.OpenTimeoutSeconds * 1000);
        info.OperationTimeout = checked(options.OperationTimeoutSeconds * 1000);
    }
}
