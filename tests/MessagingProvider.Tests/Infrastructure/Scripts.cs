namespace MessagingProvider.Tests.Infrastructure;

/// <summary>Script fragments for the hosted engine, which lacks ConvertTo-SecureString and friends.</summary>
public static class Scripts
{
    /// <summary>Defines $cred (CONTOSO\svc-mp) and a helper to make SecureStrings.</summary>
    public const string Credential =
        "function secure([string]$text) { [System.Net.NetworkCredential]::new('', $text).SecurePassword }\n" +
        "$cred = [pscredential]::new('CONTOSO\\svc-mp', (secure 'Exch-P@ss-123'))\n";

    public const string ExchangeStore =
        Credential +
        "$null = New-IdentityStore -Name Contoso\n" +
        "Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $cred\n";
}
