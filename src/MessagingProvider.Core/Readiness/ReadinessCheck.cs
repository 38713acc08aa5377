namespace MessagingProvider.Readiness;

/// <summary>The checks of Test-MessagingReadiness; each finding names the one that raised it.</summary>
public enum ReadinessCheck
{
    /// <summary>SMTP with Basic authentication (or the OAuth password grant) to Exchange Online.</summary>
    BasicSmtpToExchangeOnline,
    /// <summary>A mail server of type Exchange (EWS) pointed at Exchange Online.</summary>
    EwsToExchangeOnline,
    /// <summary>An Exchange server whose probed version is 2013, 2016 or 2019.</summary>
    ExchangeServerOutOfSupport,
    /// <summary>A client secret or certificate of the Office 365 app registration that expires soon (read through Microsoft Graph).</summary>
    AppCredentialExpiring,
    /// <summary>A stored certificate or key (PFX/P12) that expires soon, or a stored secret's expiry date.</summary>
    StoredCredentialExpiring,
    /// <summary>A Google service-account key file (P12/JSON) and its age.</summary>
    GoogleKeyFile,
    /// <summary>The Microsoft Entra ID SMTP client's mailbox sign-in near its expiry.</summary>
    EntraSmtpSignInExpiring,
    /// <summary>A sovereign-cloud host no Microsoft page served to this module confirms.</summary>
    UnconfirmedSovereignHost,
}
