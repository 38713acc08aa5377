global using Xunit;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Mail.Tests;

/// <summary>One Postfix + Dovecot stack for every test in this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServerFixture>
{
    public const string Name = "Mail server";
}
