using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Recipients;

namespace MessagingProvider.Cloud.Tests;

internal static class ProviderAssertions
{
    /// <summary>Setting the addresses of nobody@contoso.com is RecipientNotFound; the error is returned for the provider's own details.</summary>
    public static async Task<MessagingProviderException> RecipientNotFoundAsync(IMailEnabledObjectProvider provider)
    {
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.SetEmailAddressesAsync("nobody@contoso.com", new[] { "nobody@contoso.com" }, null, _ => true, CancellationToken.None));
        Assert.Equal(ErrorIds.RecipientNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        return error;
    }
}
