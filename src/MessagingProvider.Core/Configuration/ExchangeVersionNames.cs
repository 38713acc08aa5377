using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Configuration;

/// <summary>The names administrators use for Exchange versions: 2013, 2016, 2019, SE.</summary>
public static class ExchangeVersionNames
{
    public static readonly string[] All = { "2013", "2016", "2019", "SE" };

    public static string Display(ExchangeVersion version) => version switch
    {
        ExchangeVersion.Exchange2013 => "2013",
        ExchangeVersion.Exchange2016 => "2016",
        ExchangeVersion.Exchange2019 => "2019",
        _ => "SE",
    };

    public static ExchangeVersion Parse(string name) => name?.Trim().ToUpperInvariant() switch
    {
        "2013" => ExchangeVersion.Exchange2013,
        "2016" => ExchangeVersion.Exchange2016,
        "2019" => ExchangeVersion.Exchange2019,
        "SE" => ExchangeVersion.SE,
        _ => throw new MessagingProviderException(ErrorIds.InvalidExchangeVersion, ErrorKind.InvalidArgument,
            $"'{name}' is not an Exchange version. Use 2013, 2016, 2019 or SE.", name),
    };
}
