using System.Net.Http;

namespace MessagingProvider.Cloud;

/// <summary>
/// Makes the innermost handler of the cloud clients' HTTP stacks. Production leaves it null and
/// gets the platform's handler with normal TLS validation; tests give one that trusts exactly
/// the certificate of their local stand-in.
/// </summary>
public delegate HttpMessageHandler HttpHandlerFactory();
