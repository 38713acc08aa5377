using System.Globalization;
using System.Net;
using MessagingProvider.Errors;

namespace MessagingProvider.MailAccounts;

/// <summary>A DNS server as administrators write it: 10.0.0.53, 10.0.0.53:5353, ::1 or [::1]:5353.</summary>
public static class DnsServerAddress
{
    public const int DefaultPort = 53;

    public static IPEndPoint Parse(string text)
    {
        string value = (text ?? "").Trim();
        string host = value;
        string? port = null;
        if (value.StartsWith("[", System.StringComparison.Ordinal))
        {
            int close = value.IndexOf(']');
            if (close > 0)
            {
                host = value.Substring(1, close - 1);
                string rest = value.Substring(close + 1);
                if (rest.StartsWith(":", System.StringComparison.Ordinal)) port = rest.Substring(1);
                else if (rest.Length > 0) host = "";
            }
        }
        else if (value.IndexOf(':') > 0 && value.IndexOf(':') == value.LastIndexOf(':'))
        {
            int colon = value.IndexOf(':');
            host = value.Substring(0, colon);
            port = value.Substring(colon + 1);
        }

        int portNumber = DefaultPort;
        if (!IPAddress.TryParse(host, out IPAddress? address) ||
            (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber < 1 || portNumber > 65535)))
        {
            throw new MessagingProviderException(ErrorIds.InvalidDnsServer, ErrorKind.InvalidArgument,
                $"'{text}' is not a DNS server address for -DnsServer. Give an IP address with an optional port, such as 10.0.0.53, 10.0.0.53:5353 or [::1]:5353.", text);
        }

        return new IPEndPoint(address, portNumber);
    }
}
