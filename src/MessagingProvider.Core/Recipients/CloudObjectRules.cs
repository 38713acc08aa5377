using MessagingProvider.Errors;

namespace MessagingProvider.Recipients;

/// <summary>What the cloud providers refuse before anything is sent.</summary>
public static class CloudObjectRules
{
    public static void RefuseOrganizationalUnit(MailEnabledObjectRequest request, string identityStore, string provider, string why)
    {
        if (request.OrganizationalUnit is null) return;
        throw new MessagingProviderException(ErrorIds.OrganizationalUnitNotSupported, ErrorKind.NotSupported,
            $"-OrganizationalUnit cannot be used with the {provider} provider of identity store '{identityStore}': {why}. Leave it out.",
            request.Identity);
    }
}
