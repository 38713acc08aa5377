using System.Management.Automation;
using System.Net;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>One Postfix + Dovecot stack for every hosted-engine test that needs a mail server (SMTP and mail accounts).</summary>
[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServerFixture>
{
    public const string Name = "Mail server";

    public static PSCredential Credential(string user, string password) => new PSCredential(user, new NetworkCredential("", password).SecurePassword);
}
