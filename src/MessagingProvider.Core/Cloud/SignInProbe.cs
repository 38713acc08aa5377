using System;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Cloud;

/// <summary>
/// The outcome of a cloud provider's sign-in check: Online with the reason the check returns, or
/// Offline with the failure's message and error id; either way stamped with the time of the check.
/// </summary>
internal static class SignInProbe
{
    public static async Task<ProviderConnectionInfo> RunAsync(string identityStore, MessagingProviderType provider, string endpoint, Func<Task<string>> check)
    {
        var info = new ProviderConnectionInfo
        {
            IdentityStore = identityStore,
            Provider = provider,
            Endpoint = endpoint,
        };
        try
        {
            info.Reason = await check().ConfigureAwait(false);
            info.Status = ServerStatus.Online;
        }
        catch (MessagingProviderException e)
        {
            info.Status = ServerStatus.Offline;
            info.Reason = e.Message;
            info.ErrorId = e.ErrorId;
        }

        info.Checked = DateTimeOffset.UtcNow;
        return info;
    }
}
