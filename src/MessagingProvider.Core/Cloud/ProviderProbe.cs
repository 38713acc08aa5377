using System;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Cloud;

/// <summary>The common end of every provider status probe: Online with what the check saw, or Offline with why.</summary>
internal static class ProviderProbe
{
    /// <param name="check">Signs in and calls the provider; returns the reason to report when it answered.</param>
    public static async Task<ProviderConnectionInfo> CompleteAsync(ProviderConnectionInfo info, Func<Task<string>> check)
    {
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
