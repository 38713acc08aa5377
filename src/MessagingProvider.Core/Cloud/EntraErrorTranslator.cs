using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using MessagingProvider.Errors;
using Microsoft.Identity.Client;

namespace MessagingProvider.Cloud;

/// <summary>
/// Turns the AADSTS codes Microsoft Entra ID answers with into errors that say what to change,
/// in the app registration or in the identity store.
/// </summary>
public static class EntraErrorTranslator
{
    private static readonly Regex AadstsCode = new Regex(@"AADSTS(\d+)", RegexOptions.CultureInvariant);

    public static MessagingProviderException Translate(Exception error, EntraSignIn signIn)
    {
        if (error is MsalServiceException service)
        {
            string? code = FindCode(service);
            return code is null ? Generic(service, signIn) : FromCode(code, service, signIn);
        }

        if (error is HttpRequestException || error is MsalClientException { ErrorCode: MsalError.RequestTimeout })
        {
            return new MessagingProviderException(ErrorIds.EntraUnreachable, ErrorKind.ConnectionError,
                $"Microsoft Entra ID at {signIn.Authority} could not be reached: {Innermost(error).Message} Check the network, the proxy and the -Cloud/-AuthorityHost of the identity store.",
                signIn.Authority, error);
        }

        return new MessagingProviderException(ErrorIds.EntraSignInFailed, ErrorKind.AuthenticationError,
            $"Signing in as application {signIn.ApplicationId} to {signIn.Authority} failed: {error.Message}", signIn.ApplicationId, error);
    }

    /// <summary>The numeric AADSTS code, from the error codes of the answer or its description.</summary>
    public static string? FindCode(MsalServiceException error)
    {
        Match match = AadstsCode.Match(error.Message ?? "");
        if (!match.Success && error.ResponseBody is not null) match = AadstsCode.Match(error.ResponseBody);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static MessagingProviderException FromCode(string code, MsalServiceException error, EntraSignIn s)
    {
        string app = $"application {s.ApplicationId}";
        (string id, ErrorKind kind, string message) = code switch
        {
            "7000215" => (ErrorIds.EntraClientSecretInvalid, ErrorKind.AuthenticationError,
                $"The client secret stored for {app} is wrong (AADSTS7000215). Copy the secret's Value (not its ID) from Certificates & secrets of the app registration and store it with Set-MessagingProvider -ClientSecret."),
            "7000222" => (ErrorIds.EntraClientSecretExpired, ErrorKind.AuthenticationError,
                $"The client secret stored for {app} has expired (AADSTS7000222). Create a new client secret in Certificates & secrets of the app registration and store it with Set-MessagingProvider -ClientSecret."),
            "700027" => (ErrorIds.EntraCertificateNotRegistered, ErrorKind.AuthenticationError,
                $"Microsoft Entra ID does not know the certificate {s.CertificateThumbprint} for {app} (AADSTS700027). Upload its public key (.cer) to Certificates & secrets of the app registration, or import the certificate that is uploaded with Set-MessagingProvider -CertificatePath."),
            "700024" => (ErrorIds.EntraClientAssertionInvalid, ErrorKind.AuthenticationError,
                $"Microsoft Entra ID refused the signed client assertion of {app} as outside its valid time range (AADSTS700024). Correct this computer's clock and time zone."),
            "65001" => (ErrorIds.EntraAdminConsentMissing, ErrorKind.PermissionDenied,
                $"An administrator has not consented to the API permissions of {app} in tenant {s.Tenant} (AADSTS65001). In the app registration, under API permissions, add Office 365 Exchange Online > Exchange.ManageAsApp (and Microsoft Graph permissions as needed) and choose 'Grant admin consent'."),
            "7000218" => (ErrorIds.EntraClientCredentialMissing, ErrorKind.AuthenticationError,
                $"Microsoft Entra ID wants a client secret or certificate for {app} (AADSTS7000218). Store one with Set-MessagingProvider -ClientSecret or -CertificatePath."),
            "90002" => (ErrorIds.EntraTenantNotFound, ErrorKind.NotFound,
                $"Microsoft Entra ID does not know the tenant '{s.Tenant}' (AADSTS90002). Check -Organization (the tenant's initial domain or ID) and -Cloud of the identity store."),
            "90023" or "900023" => (ErrorIds.EntraTenantNotFound, ErrorKind.InvalidArgument,
                $"'{s.Tenant}' is not a valid tenant (AADSTS{code}). Give the tenant's initial domain (contoso.onmicrosoft.com) or its tenant ID with -Organization."),
            "700016" => (ErrorIds.EntraApplicationNotFound, ErrorKind.NotFound,
                $"Application {s.ApplicationId} was not found in tenant {s.Tenant} (AADSTS700016). Check -ApplicationId (the Application (client) ID) and that the app is registered, or consented, in this tenant."),
            "500011" => (ErrorIds.EntraResourceNotFound, ErrorKind.NotFound,
                $"The resource {s.Scope} is not available in tenant {s.Tenant} (AADSTS500011). Check -Cloud and the endpoints of the identity store, and that the tenant has the service."),
            _ => (ErrorIds.EntraSignInFailed, ErrorKind.AuthenticationError,
                $"Microsoft Entra ID refused to sign in {app} to tenant {s.Tenant}: {FirstLine(error.Message)}"),
        };
        return new MessagingProviderException(id, kind, message, s.ApplicationId, error);
    }

    private static MessagingProviderException Generic(MsalServiceException error, EntraSignIn s) =>
        new MessagingProviderException(ErrorIds.EntraSignInFailed, ErrorKind.AuthenticationError,
            $"Microsoft Entra ID refused to sign in application {s.ApplicationId} to tenant {s.Tenant} ({error.ErrorCode}): {FirstLine(error.Message)}", s.ApplicationId, error);

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
