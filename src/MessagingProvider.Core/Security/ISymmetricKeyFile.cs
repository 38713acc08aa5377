namespace MessagingProvider.Security;

/// <summary>A file holding a 256-bit key, checked for who can read it before it is used.</summary>
internal interface ISymmetricKeyFile
{
    string Path { get; }

    /// <summary>The key; <paramref name="createIfMissing"/> is false when decrypting, where a new key could decrypt nothing.</summary>
    byte[] GetKey(bool createIfMissing);
}
