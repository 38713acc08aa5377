using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

/// <summary>A mail account as output shows it: the password is masked, never decrypted.</summary>
public sealed class MailAccountInfo
{
    public string IdentityStore { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public string MailServer { get; set; } = "";
    public string Login { get; set; } = "";
    public string? Password { get; set; }

    public static MailAccountInfo From(string identityStore, MailAccountEntry e) => new MailAccountInfo
    {
        IdentityStore = identityStore,
        EmailAddress = e.EmailAddress,
        MailServer = e.MailServer,
        Login = e.Login,
        Password = e.Password is null ? null : ProtectedSecret.Mask,
    };
}
