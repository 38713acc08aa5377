using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Windows: DPAPI, bound to the current user (as Export-Clixml does for credentials) or to the
/// machine. A bound secret's place is part of the optional entropy, so it decrypts only where it
/// was stored.
/// </summary>
#if NET
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
internal sealed class DpapiSecretProtector : ISecretProtector
{
    internal const string UnboundUserScheme = SecretSchemes.DpapiUnbound;
    internal const string UserScheme = SecretSchemes.DpapiUser;
    internal const string MachineScheme = SecretSchemes.DpapiMachine;
    private static readonly byte[] UnboundEntropy = Encoding.UTF8.GetBytes("MessagingProvider.v1");

    private readonly DataProtectionScope _scope;

    private DpapiSecretProtector(DataProtectionScope scope, string boundScheme)
    {
        _scope = scope;
        BoundScheme = boundScheme;
    }

    public static readonly DpapiSecretProtector CurrentUser = new DpapiSecretProtector(DataProtectionScope.CurrentUser, UserScheme);

    public static readonly DpapiSecretProtector LocalMachine = new DpapiSecretProtector(DataProtectionScope.LocalMachine, MachineScheme);

    public string BoundScheme { get; }

    private static byte[] EntropyFor(string scheme, string? place) =>
        scheme == UnboundUserScheme ? UnboundEntropy : Encoding.UTF8.GetBytes("MessagingProvider.v2|" + (scheme == UserScheme ? "" : scheme + "|") + place);

    public ProtectedSecret Protect(byte[] plain, string place)
    {
        RequireWindows();
        var secret = new ProtectedSecret { Scheme = BoundScheme, Place = place };
        secret.Data = Convert.ToBase64String(ProtectedData.Protect(plain, EntropyFor(BoundScheme, place), _scope));
        return secret;
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
        RequireWindows();
        string? place = secret.Scheme == UnboundUserScheme ? null : SecretPlace.Require(secret);
        try
        {
            return ProtectedData.Unprotect(Convert.FromBase64String(secret.Data), EntropyFor(secret.Scheme, place), _scope);
        }
        catch (CryptographicException e)
        {
            string who = _scope == DataProtectionScope.CurrentUser ? "the Windows user who stored them" : "accounts of the machine that stored them";
            throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
                $"The stored secret {SecretPlace.Describe(secret)}could not be decrypted. DPAPI secrets can only be read by {who}, and a bound secret only in the field it was stored in (a value copied from another field or store is refused); set the secret again.",
                innerException: e);
        }
    }

    private static void RequireWindows()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) throw new PlatformNotSupportedException();
    }
}
