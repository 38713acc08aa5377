using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Cloud;

/// <summary>Hands out bearer tokens for a scope such as <c>https://outlook.office365.com/.default</c>.</summary>
public interface IAccessTokenSource
{
    Task<string> GetAccessTokenAsync(string scope, CancellationToken cancellationToken);
}
