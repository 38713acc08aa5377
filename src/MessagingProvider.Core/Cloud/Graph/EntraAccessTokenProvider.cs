using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MessagingProvider.Cloud.Graph;

/// <summary>Gives the Graph SDK our app-only tokens, for the configured Graph host only.</summary>
internal sealed class EntraAccessTokenProvider : IAccessTokenProvider
{
    private readonly IAccessTokenSource _tokens;
    private readonly string _scope;

    public EntraAccessTokenProvider(IAccessTokenSource tokens, Uri graphEndpoint)
    {
        _tokens = tokens;
        _scope = CloudEndpoints.DefaultScope(graphEndpoint);
        AllowedHostsValidator = new AllowedHostsValidator(new[] { graphEndpoint.Host });
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? _tokens.GetAccessTokenAsync(_scope, cancellationToken) : Task.FromResult(string.Empty);
}
