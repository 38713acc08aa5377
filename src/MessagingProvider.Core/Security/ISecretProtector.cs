namespace MessagingProvider.Security;

internal interface ISecretProtector
{
    /// <summary>The scheme of what <see cref="Protect"/> writes: bound to its place.</summary>
    string BoundScheme { get; }

    /// <summary>Protects <paramref name="plain"/> for <paramref name="place"/> (store and field, or a companion file).</summary>
    ProtectedSecret Protect(byte[] plain, string place);

    /// <summary>Bound secrets are checked against their <see cref="ProtectedSecret.Place"/>. The caller owns the returned array and should clear it when done.</summary>
    byte[] Unprotect(ProtectedSecret secret);
}
