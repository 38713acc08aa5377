using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

public sealed class IdentityStoreInfo
{
    public string Name { get; set; } = "";
    public MessagingProviderType Provider { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Modified { get; set; }
    public string Path { get; set; } = "";

    public static IdentityStoreInfo From(IdentityStoreDocument document, string path) => new IdentityStoreInfo
    {
        Name = document.Name,
        Provider = document.Messaging.Provider,
        Created = document.Created,
        Modified = document.Modified,
        Path = path,
    };
}
