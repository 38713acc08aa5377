using System.Collections.Generic;
using Google.Apis.Services;

namespace MessagingProvider.GoogleWorkspace.Directory;

/// <summary>The Admin SDK Directory API service (Google.Apis' <see cref="BaseClientService"/>: JSON, HTTP stack, errors).</summary>
public sealed class DirectoryService : BaseClientService
{
    public DirectoryService(Initializer initializer) : base(initializer)
    {
        BaseUri = GetEffectiveUri(BaseUriOverride, GoogleEndpoints.DefaultDirectoryApi.ToString());
    }

    public override string Name => "admin";

    public override string BaseUri { get; }

    public override string BasePath => "";

    public override string BatchUri => BaseUri + "batch";

    public override string BatchPath => "batch";

    public override IList<string> Features => new string[0];
}
