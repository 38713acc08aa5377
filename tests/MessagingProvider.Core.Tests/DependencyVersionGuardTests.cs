using System;
using System.Reflection;
using MessagingProvider.Compatibility;
using MessagingProvider.Errors;
using Microsoft.Identity.Client;

namespace MessagingProvider.Core.Tests;

public sealed class DependencyVersionGuardTests
{
    [Fact]
    public void AnOlderCopyIsAConflictThatNamesBothVersions()
    {
        string? problem = DependencyVersionGuard.Conflict(
            new AssemblyName("Microsoft.Identity.Client, Version=4.92.0.0"),
            new AssemblyName("Microsoft.Identity.Client, Version=4.61.3.0"));
        Assert.Equal("MessagingProvider needs Microsoft.Identity.Client 4.92.0.0 or later, but 4.61.3.0 is loaded in this session.", problem);
    }

    [Theory]
    [InlineData("4.92.0.0")]
    [InlineData("4.93.1.0")]
    public void TheShippedOrANewerCopyIsFine(string loaded) =>
        Assert.Null(DependencyVersionGuard.Conflict(new AssemblyName("Microsoft.Identity.Client, Version=4.92.0.0"), new AssemblyName("Microsoft.Identity.Client, Version=" + loaded)));

    [Fact]
    public void TheCopyLoadedHereIsTheOneCoreWasBuiltWith() =>
        DependencyVersionGuard.Require(typeof(ConfidentialClientApplicationBuilder));
}
