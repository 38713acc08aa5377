using System.Linq;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class IdentityStoreTests
{
    [Fact]
    public void NewThenGetReturnsTypedStore()
    {
        using var session = new ModuleSession();
        var created = session.Run("New-IdentityStore -Name Contoso").Single();
        Assert.Equal("MessagingProvider.Output.IdentityStoreInfo", created.TypeNames[0]);
        Assert.Equal("Contoso", created.Properties["Name"].Value);
        Assert.Equal("None", created.Properties["Provider"].Value.ToString());

        var listed = session.Run("Get-IdentityStore -Name 'cont*'").ThrowIfErrors().Output;
        Assert.Equal("Contoso", Assert.Single(listed).Properties["Name"].Value);
    }
}
