using MessagingProvider.Errors;

namespace MessagingProvider.Security;

internal static class SecretPlace
{
    public static string Require(ProtectedSecret secret) =>
        secret.Place ?? throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.InvalidData,
            "A bound secret was found outside an identity store document, where its place is unknown; set the secret again.");

    /// <summary>"of 'contoso/smtp.password' " or nothing, for messages.</summary>
    public static string Describe(ProtectedSecret secret) => secret.Place is null ? "" : $"of '{secret.Place}' ";
}
