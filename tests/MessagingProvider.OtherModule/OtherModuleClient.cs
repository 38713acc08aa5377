using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Abstractions;

namespace OtherVendor.Authentication;

/// <summary>What another module does with its own MSAL: a client-credentials token, with an MSAL logger (the type the two contexts must never share).</summary>
public static class OtherModuleClient
{
    public static string MsalVersion => typeof(ConfidentialClientApplication).Assembly.GetName().Version!.ToString();

    public static string AbstractionsVersion => typeof(IIdentityLogger).Assembly.GetName().Version!.ToString();

    public static string AcquireToken(string authorityHost, string tenant, string clientId, string clientSecret, string scope)
    {
        IConfidentialClientApplication app = ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority(new Uri(new Uri(authorityHost), tenant).ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientSecret(clientSecret)
            .WithLogging(new QuietLogger())
            .Build();
        return Task.Run(() => app.AcquireTokenForClient(new[] { scope }).ExecuteAsync()).GetAwaiter().GetResult().AccessToken;
    }

    private sealed class QuietLogger : IIdentityLogger
    {
        public bool IsEnabled(EventLogLevel eventLogLevel) => eventLogLevel <= EventLogLevel.Warning;

        public void Log(LogEntry entry)
        {
        }
    }
}
