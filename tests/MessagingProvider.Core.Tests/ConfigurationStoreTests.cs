using System;
using System.IO;
using System.Linq;
using System.Text;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Core.Tests;

public sealed class ConfigurationStoreTests
{
    [Fact]
    public void CreateWritesVersionedDocumentAndGetReadsItBack()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");

        IdentityStoreDocument read = store.Get("contoso");
        Assert.Equal("Contoso", read.Name);
        Assert.Equal(IdentityStoreDocument.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(store.PathOf("Contoso")));
    }

    [Fact]
    public void CreatingAnExistingStoreFailsWithoutTouchingIt()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        byte[] before = File.ReadAllBytes(store.PathOf("Contoso"));

        var error = Assert.Throws<MessagingProviderException>(() => store.Create("CONTOSO"));
        Assert.Equal(ErrorIds.IdentityStoreAlreadyExists, error.ErrorId);
        Assert.Equal(before, File.ReadAllBytes(store.PathOf("Contoso")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("trailing.")]
    [InlineData(" leading")]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("Com1")]
    [InlineData("LPT9")]
    [InlineData("aux.contoso")]
    [InlineData("NUL.txt")]
    [InlineData("con .backup")]
    public void InvalidNamesAreRefused(string name)
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<MessagingProviderException>(() => new ConfigurationStore(dir.Path).Create(name));
        Assert.Equal(ErrorIds.InvalidIdentityStoreName, error.ErrorId);
        Assert.False(Directory.Exists(dir.Path) && Directory.GetFiles(dir.Path, "*.json").Length > 0);
    }

    [Theory]
    [InlineData("Console")]
    [InlineData("COM10")]
    [InlineData("Contoso.CON")]
    [InlineData("LPT")]
    public void NamesThatOnlyLookLikeDevicesAreAccepted(string name)
    {
        using var dir = new TempDirectory();
        new ConfigurationStore(dir.Path).Create(name);
        Assert.True(File.Exists(new ConfigurationStore(dir.Path).PathOf(name)));
    }

    [Fact]
    public void AFailedUpdateWritesNothing()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        byte[] before = File.ReadAllBytes(store.PathOf("Contoso"));

        Assert.Throws<InvalidOperationException>(() => store.Update("Contoso", d =>
        {
            d.Messaging.Provider = MessagingProviderType.Other;
            throw new InvalidOperationException("validation failed half-way");
        }));

        Assert.Equal(before, File.ReadAllBytes(store.PathOf("Contoso")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void NewerSchemaVersionIsRefusedAndLeftUntouched()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        string path = store.PathOf("Contoso");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
        byte[] before = File.ReadAllBytes(path);

        var read = Assert.Throws<MessagingProviderException>(() => store.Get("Contoso"));
        Assert.Equal(ErrorIds.ConfigurationVersionUnsupported, read.ErrorId);
        Assert.Contains("99", read.Message);
        var update = Assert.Throws<MessagingProviderException>(() => store.Update("Contoso", d => d.Messaging.Provider = MessagingProviderType.None));
        Assert.Equal(ErrorIds.ConfigurationVersionUnsupported, update.ErrorId);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void CorruptFileNamesFileAndPositionAndIsNeverOverwritten()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        string path = store.PathOf("Contoso");
        File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"name\": \"Contoso\",\n  \"messaging\": { \"provider\": \n}");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<MessagingProviderException>(() => store.Update("Contoso", d => d.Messaging.Provider = MessagingProviderType.None));
        Assert.Equal(ErrorIds.ConfigurationCorrupt, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains(path, error.Message);
        Assert.Contains("line 5", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void ListReportsCorruptDocumentsInsteadOfHidingThem()
    {
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Good");
        store.Create("Bad");
        File.WriteAllText(store.PathOf("Bad"), "not json");

        var errors = new System.Collections.Generic.List<MessagingProviderException>();
        var listed = store.List(errors.Add);
        Assert.Equal("Good", Assert.Single(listed).Name);
        Assert.Equal(ErrorIds.ConfigurationCorrupt, Assert.Single(errors).ErrorId);
    }

    [Fact]
    public void UnwritableDirectoryGivesDirectoryError()
    {
        using var dir = new TempDirectory();
        // A file where the directory should be: nothing can be created below it.
        File.WriteAllText(dir.Path, "in the way");
        try
        {
            var store = new ConfigurationStore(Path.Combine(dir.Path, "config"));
            var error = Assert.Throws<MessagingProviderException>(() => store.Create("Contoso"));
            Assert.Equal(ErrorIds.ConfigurationDirectoryUnavailable, error.ErrorId);
            Assert.Contains(ConfigurationLocation.EnvironmentVariable, error.Message);
        }
        finally
        {
            File.Delete(dir.Path);
        }
    }

    [Fact]
    public void DocumentsAreOwnerOnlyOnUnix()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf("Contoso")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.Path));
    }

    [Fact]
    public void ConfigurationPathComesFromTheEnvironmentVariable()
    {
        string? saved = Environment.GetEnvironmentVariable(ConfigurationLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConfigurationLocation.EnvironmentVariable, "/tmp/mp-elsewhere");
            Assert.Equal("/tmp/mp-elsewhere", ConfigurationLocation.Resolve());
            Environment.SetEnvironmentVariable(ConfigurationLocation.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine(".config", "MessagingProvider"), ConfigurationLocation.Resolve());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfigurationLocation.EnvironmentVariable, saved);
        }
    }
}
