namespace MessagingProvider.Security;

/// <summary>
/// The names of the protection schemes a stored secret may carry, on every platform: a store
/// written on one platform is read (or refused with a clear error) on another.
/// </summary>
internal static class SecretSchemes
{
    public const string AesUnbound = "aes256gcm-v1";
    public const string AesUser = "aes256gcm-v2";
    public const string AesMachine = "aes256gcm-machine-v2";
    public const string DpapiUnbound = "dpapi-user";
    public const string DpapiUser = "dpapi-user-v2";
    public const string DpapiMachine = "dpapi-machine-v2";
    public const string Cms = "cms-v2";
}
