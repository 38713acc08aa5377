namespace MessagingProvider.Smtp;

public enum SmtpAuthentication
{
    /// <summary>Integrated SASL (GSSAPI/NTLM) as the user running the command.</summary>
    CurrentUser,

    /// <summary>User name and password (SASL PLAIN or LOGIN, or what else the server prefers).</summary>
    Basic,

    /// <summary>An OAuth 2.0 access token (SASL XOAUTH2 or OAUTHBEARER) from a token endpoint.</summary>
    OAuth2,

    /// <summary>No AUTH (a relay that trusts the client's address).</summary>
    Anonymous,
}
