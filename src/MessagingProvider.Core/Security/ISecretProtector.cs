namespace MessagingProvider.Security;

public interface ISecretProtector
{
    string Scheme { get; }

    ProtectedSecret Protect(byte[] plain);

    /// <summary>The caller owns the returned array and should clear it when done.</summary>
    byte[] Unprotect(ProtectedSecret secret);
}
