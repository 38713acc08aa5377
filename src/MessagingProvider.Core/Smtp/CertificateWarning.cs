namespace MessagingProvider.Smtp;

/// <summary>The warning every use of -SkipCertificateCheck gets.</summary>
public static class CertificateWarning
{
    public static string Text(string server) =>
        $"Certificate validation is OFF for {server} (-SkipCertificateCheck): anyone on the network path can impersonate the server and read the SMTP credentials. Pin the certificate with -CertificateThumbprint or trust its CA instead.";
}
