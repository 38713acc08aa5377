namespace MessagingProvider.Security;

/// <summary>Who can read the secrets of an identity store.</summary>
public enum SecretProtectionScope
{
    /// <summary>Only the account that stored them (DPAPI CurrentUser; elsewhere an owner-only key file in the configuration directory).</summary>
    CurrentUser,

    /// <summary>Every account of this machine allowed to (DPAPI LocalMachine; elsewhere a root-owned key readable by one group).</summary>
    LocalMachine,

    /// <summary>Every account, on any machine, that holds the private key of one of the store's certificates (CMS envelope).</summary>
    Certificate,
}
