using System;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

public sealed class CertificateInfo
{
    public const int ExpiryWarningDays = 30;

    public string Thumbprint { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset NotAfter { get; set; }

    public bool ExpiresSoon => NotAfter - DateTimeOffset.UtcNow < TimeSpan.FromDays(ExpiryWarningDays);

    public static CertificateInfo From(StoredCertificate stored) => new CertificateInfo
    {
        Thumbprint = stored.Thumbprint,
        Subject = stored.Subject,
        NotAfter = stored.NotAfter,
    };

    public override string ToString() => $"{Subject} ({Thumbprint}, expires {NotAfter:yyyy-MM-dd})";
}
