using System.IO;
using System.Linq;
using System.Management.Automation;
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
        Assert.True(File.Exists((string)created.Properties["Path"].Value));

        var listed = session.Run("Get-IdentityStore -Name 'cont*'").ThrowIfErrors().Output;
        Assert.Equal("Contoso", Assert.Single(listed).Properties["Name"].Value);
    }

    [Fact]
    public void NamesComeFromThePipeline()
    {
        using var session = new ModuleSession();
        var created = session.Run("'Fabrikam', 'Contoso' | New-IdentityStore").ThrowIfErrors().Output;
        Assert.Equal(2, created.Count);

        var all = session.Run("Get-IdentityStore").ThrowIfErrors().Output.Select(o => (string)o.Properties["Name"].Value);
        Assert.Equal(new[] { "Contoso", "Fabrikam" }, all);
    }

    [Fact]
    public void UnknownStoreIsAnObjectNotFoundError()
    {
        using var session = new ModuleSession();
        ErrorRecord error = session.Run("Get-IdentityStore -Name Nowhere").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.GetIdentityStoreCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("New-IdentityStore", error.Exception.Message);

        // A wildcard that matches nothing is not an error, as with Get-Item.
        Assert.Empty(session.Run("Get-IdentityStore -Name 'Nowhere*'").ThrowIfErrors().Output);
    }

    [Fact]
    public void DuplicateAndInvalidNamesAreRefused()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        ErrorRecord duplicate = session.Run("New-IdentityStore -Name CONTOSO").SingleError();
        Assert.Equal("IdentityStoreAlreadyExists,MessagingProvider.Commands.NewIdentityStoreCommand", duplicate.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, duplicate.CategoryInfo.Category);

        ErrorRecord invalid = session.Run("New-IdentityStore -Name '../escape'").SingleError();
        Assert.Equal("InvalidIdentityStoreName,MessagingProvider.Commands.NewIdentityStoreCommand", invalid.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, invalid.CategoryInfo.Category);
    }

    [Fact]
    public void NewWhatIfCreatesNothing()
    {
        using var session = new ModuleSession();
        Assert.Empty(session.Run("New-IdentityStore -Name Contoso -WhatIf").ThrowIfErrors().Output);
        Assert.Empty(session.Snapshot());
    }

    [Fact]
    public void RemoveHonoursWhatIfAndTakesPipelineInput()
    {
        using var session = new ModuleSession();
        session.Run("'A', 'B', 'C' | New-IdentityStore").ThrowIfErrors();

        session.Run("Remove-IdentityStore -Name A -WhatIf").ThrowIfErrors();
        Assert.Equal(3, session.Run("Get-IdentityStore").Output.Count);

        session.Run("Get-IdentityStore -Name 'A' | Remove-IdentityStore -Confirm:$false").ThrowIfErrors();
        Assert.Equal(new[] { "B", "C" }, session.Run("Get-IdentityStore").Output.Select(o => (string)o.Properties["Name"].Value));

        ErrorRecord missing = session.Run("Remove-IdentityStore -Name A -Confirm:$false").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.RemoveIdentityStoreCommand", missing.FullyQualifiedErrorId);
    }

    [Fact]
    public void UnusableConfigurationDirectoryIsAPermissionError()
    {
        using var session = new ModuleSession();
        string blocker = Path.Combine(Path.GetTempPath(), "mp-blocker-" + System.Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "a file, not a directory");
        try
        {
            ErrorRecord error = session.Run(
                "$env:MESSAGINGPROVIDER_CONFIG_PATH = $args[0]; New-IdentityStore -Name Contoso",
                Path.Combine(blocker, "config")).SingleError();
            Assert.Equal("ConfigurationDirectoryUnavailable,MessagingProvider.Commands.NewIdentityStoreCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("MESSAGINGPROVIDER_CONFIG_PATH", error.Exception.Message);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void CorruptDocumentIsReportedWithFileAndPosition()
    {
        using var session = new ModuleSession();
        string path = (string)session.Run("New-IdentityStore -Name Contoso").Single().Properties["Path"].Value;
        File.WriteAllText(path, "{ \"schemaVersion\": 1, \"name\": ");
        byte[] before = File.ReadAllBytes(path);

        ErrorRecord error = session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider None").SingleError();
        Assert.Equal("ConfigurationCorrupt,MessagingProvider.Commands.SetMessagingProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains(path, error.Exception.Message);
        Assert.Contains("line 1, position", error.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
