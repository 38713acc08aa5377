using System;
using MessagingProvider.Output;

namespace MessagingProvider.Providers;

/// <summary>The warning a stored certificate or service-account key gets when it expires within <see cref="CertificateInfo.ExpiryWarningDays"/> days.</summary>
public static class ProviderExpiryWarning
{
    public static void Report(MessagingProviderInfo info, IOperationSink sink)
    {
        if (info is Office365ProviderInfo { Certificate: { ExpiresSoon: true } certificate })
        {
            sink.Warning($"The certificate {certificate.Thumbprint} expires on {certificate.NotAfter:yyyy-MM-dd}, within {CertificateInfo.ExpiryWarningDays} days. Upload a new one to the app registration and import it here.");
        }

        if (info is GoogleWorkspaceProviderInfo { KeyNotAfter: { } notAfter } google && notAfter - DateTimeOffset.UtcNow < TimeSpan.FromDays(CertificateInfo.ExpiryWarningDays))
        {
            sink.Warning($"The service-account key {google.KeyId} expires on {notAfter:yyyy-MM-dd}, within {CertificateInfo.ExpiryWarningDays} days. Create a new key in the Google Cloud console.");
        }
    }
}
