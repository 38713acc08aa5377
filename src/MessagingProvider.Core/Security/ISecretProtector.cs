namespace MessagingProvider.Security;

public interface ISecretProtector
{
    /// <summary>The scheme of unbound secrets (no place); bound ones carry <see cref="BoundScheme"/>.</summary>
    string Scheme { get; }

    string BoundScheme { get; }

    /// <param name="place">Where the secret will be stored; null: unbound (bound when its document is written).</param>
    ProtectedSecret Protect(byte[] plain, string? place);

    /// <summary>Bound secrets are checked against their <see cref="ProtectedSecret.Place"/>. The caller owns the returned array and should clear it when done.</summary>
    byte[] Unprotect(ProtectedSecret secret);
}
