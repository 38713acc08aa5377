using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.TestSupport;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Cloud.Tests;

public sealed class MailboxLogonTests : IAsyncLifetime
{
    private const string Mailbox = "notifications@contoso.com";
    private readonly TempDirectory _directory = new TempDirectory();
    private readonly List<string> _shown = new List<string>();
    private EntraStandIn _entra = null!;
    private SecretVault _vault = null!;

    private string CachePath => Path.Combine(_directory.Path, "tokens", "contoso-smtp.bin");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory.Path);
        _vault = new SecretVault(_directory.Path);
        _entra = await EntraStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _entra.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task DeviceCodeSignInShowsTheCodeAndGetsADelegatedToken()
    {
        MailboxToken token = await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);

        string instructions = Assert.Single(_shown);
        Assert.Contains("https://microsoft.com/devicelogin", instructions);
        Assert.Equal(Mailbox, token.UserName);
        Assert.True(_entra.Issued(token.AccessToken, MailboxLogon.MailboxLogon.SmtpScope));
        Assert.Equal(Mailbox, _entra.DelegatedUsers[token.AccessToken]);
        Assert.True(_entra.PendingPolls >= 1);
    }

    [Fact]
    public async Task TheEncryptedCacheServesANewSessionWithoutAPerson()
    {
        _entra.DelegatedTokenLifetimeSeconds = 60;
        await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);
        Assert.True(File.Exists(CachePath));
        Assert.DoesNotContain(Mailbox, File.ReadAllText(CachePath));

        // A scheduled job later: a new application object that only has the file.
        MailboxToken renewed = await Logon().AcquireSilentAsync(CancellationToken.None);

        Assert.Equal(Mailbox, renewed.UserName);
        Assert.Equal(1, _entra.RefreshGrants);
        Assert.True(_entra.Issued(renewed.AccessToken, MailboxLogon.MailboxLogon.SmtpScope));
        Assert.Single(_shown);
    }

    [Fact]
    public async Task TheSignInSurvivesANewProcess()
    {
        _entra.DelegatedTokenLifetimeSeconds = 60;
        await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);

        // The scheduled job is another process that validates TLS the production way.
        string[] output;
        using (TestTls.TrustForCurrentUser())
        {
            using var job = TestToolProcess.Start("mailbox-token", _directory.Path, _entra.AuthorityHost.ToString(), _entra.Tenant, _entra.ClientId, CachePath);
            string stdout = await job.StandardOutput.ReadToEndAsync();
            await job.WaitForExitAsync();
            Assert.True(job.ExitCode == 0, stdout + await job.StandardError.ReadToEndAsync());
            output = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        Assert.Equal(Mailbox, output[0]);
        Assert.True(_entra.Issued(output[1], MailboxLogon.MailboxLogon.SmtpScope));
        Assert.Equal(1, _entra.RefreshGrants);
    }

    [Fact]
    public async Task ASignInAsAnotherMailboxReplacesThePreviousOne()
    {
        await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);
        await Logon().SignInAsync(PersonSignsIn("alerts@contoso.com"), CancellationToken.None);

        MailboxToken token = await Logon().AcquireSilentAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => Logon().AcquireSilentAsync(Mailbox, false, CancellationToken.None));

        Assert.Equal("alerts@contoso.com", token.UserName);
        Assert.Equal(ErrorIds.MailboxLogonRequired, error.ErrorId);
        Assert.Contains(Mailbox, error.Message);
    }

    [Fact]
    public async Task AForcedRenewalRedeemsTheRefreshTokenEvenForAFreshToken()
    {
        MailboxToken first = await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);

        MailboxToken cached = await Logon().AcquireSilentAsync(Mailbox, false, CancellationToken.None);
        MailboxToken renewed = await Logon().AcquireSilentAsync(Mailbox, true, CancellationToken.None);

        Assert.Equal(first.AccessToken, cached.AccessToken);
        Assert.NotEqual(first.AccessToken, renewed.AccessToken);
        Assert.Equal(1, _entra.RefreshGrants);
        Assert.Equal(Mailbox, _entra.DelegatedUsers[renewed.AccessToken]);
    }

    [Fact]
    public async Task DelegatedTokensCanBeJwtsTheTestMailServerAccepts()
    {
        byte[] key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        _entra.DelegatedTokenSigningKey = key;

        MailboxToken token = await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);

        string[] parts = token.AccessToken.Split('.');
        Assert.Equal(3, parts.Length);
        using var hmac = new System.Security.Cryptography.HMACSHA256(key);
        Assert.Equal(SignedJwt.ToBase64Url(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]))), parts[2]);
        SignedJwt jwt = SignedJwt.TryParse(token.AccessToken)!;
        Assert.Equal(Mailbox, jwt.Claim("sub"));
        Assert.Equal("default", jwt.HeaderValue("kid"));
        Assert.True(jwt.Time("exp") > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task WithoutASignInTheJobIsToldToSignIn()
    {
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => Logon().AcquireSilentAsync(CancellationToken.None));
        Assert.Equal(ErrorIds.MailboxLogonRequired, error.ErrorId);
    }

    [Fact]
    public async Task ARevokedRefreshTokenAsksForANewSignIn()
    {
        _entra.DelegatedTokenLifetimeSeconds = 60;
        await Logon().SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);
        _entra.RevokeRefreshTokens();

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => Logon().AcquireSilentAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.MailboxLogonRequired, error.ErrorId);
        Assert.Contains(Mailbox, error.Message);
    }

    [Fact]
    public async Task ADeclinedSignIn()
    {
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => Logon().SignInAsync(PersonSignsIn(null), CancellationToken.None));
        Assert.Equal(ErrorIds.MailboxLogonDeclined, error.ErrorId);
        Assert.False(File.Exists(CachePath));
    }

    [Fact]
    public async Task ACorruptCacheIsAClearError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllText(CachePath, "not a cache");
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => Logon().AcquireSilentAsync(CancellationToken.None));
        Assert.Equal(ErrorIds.MailboxTokenCacheUnreadable, error.ErrorId);
    }

    [Fact]
    public async Task TheCacheIsWrittenUnderTheIdentityStoresLockAndRemovedWithTheStore()
    {
        // The identity store's own cache path and lock, as Connect-EntraSmtpMailbox uses them.
        var store = new MessagingProvider.Configuration.ConfigurationStore(_directory.Path);
        store.Create("Contoso");
        string cachePath = store.TokenCachePath("Contoso");
        int locked = 0;
        var logon = new MailboxLogon.MailboxLogon(_entra.AuthorityHost, _entra.Tenant, _entra.ClientId, cachePath, store.Secrets, TestHandlers.Trusting(),
            () => { locked++; return store.Lock("Contoso"); });

        await logon.SignInAsync(PersonSignsIn(Mailbox), CancellationToken.None);
        Assert.True(File.Exists(cachePath));
        Assert.True(locked >= 1);

        // While someone holds the store's lock (a cache write), removal waits for it.
        IDisposable held = store.Lock("Contoso");
        Task<IReadOnlyList<string>> removal = Task.Run(() => store.Remove("Contoso"));
        await Task.Delay(300);
        Assert.False(removal.IsCompleted);
        Assert.True(File.Exists(cachePath));
        held.Dispose();
        IReadOnlyList<string> removed = await removal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { cachePath }, removed);
        Assert.False(File.Exists(cachePath));
        Assert.False(File.Exists(store.PathOf("Contoso")));
    }

    private MailboxLogon.MailboxLogon Logon() =>
        new MailboxLogon.MailboxLogon(_entra.AuthorityHost, _entra.Tenant, _entra.ClientId, CachePath, _vault, TestHandlers.Trusting());

    private Action<string> PersonSignsIn(string? user) => instructions =>
    {
        _shown.Add(instructions);
        _entra.CompleteDeviceLogin(instructions, user);
    };
}
