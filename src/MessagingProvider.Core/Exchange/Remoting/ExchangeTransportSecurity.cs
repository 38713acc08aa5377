using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// What protects the credential on its way to an Exchange server's remote PowerShell endpoint.
/// Basic sends the password itself in every request, so it is allowed over HTTPS only; the other
/// mechanisms (Negotiate, Kerberos, CredSSP) encrypt the WS-Management payload even over HTTP.
/// </summary>
public static class ExchangeTransportSecurity
{
    public static void RequireProtectedBasic(ExchangeSettings settings)
    {
        if (settings.Authentication == ExchangeAuthentication.Basic && !settings.UseSsl)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeBasicRequiresSsl, ErrorKind.InvalidArgument,
                "Basic authentication sends the Exchange password in every request, so it is refused over HTTP. Add -UseSsl (https://server/PowerShell/, with a certificate the server's name matches), or use -Authentication Kerberos or Negotiate.", null);
        }
    }

    /// <summary>The warning for relaxed certificate checks; null when the checks are all on.</summary>
    public static string? CertificateWarning(ExchangeConnectionOptions options)
    {
        if (!options.SkipCertificateCheck && !options.SkipCertificateNameCheck) return null;
        string what = options.SkipCertificateCheck && options.SkipCertificateNameCheck
            ? "certificate authority and name checks are OFF"
            : options.SkipCertificateCheck ? "certificate authority check is OFF (the name is still checked)" : "certificate name check is OFF (the authority is still checked)";
        return $"The Exchange servers' {what}: anyone on the network path who can present such a certificate can impersonate a server and receive the Exchange credential. Trust the servers' CA on this computer instead.";
    }
}
