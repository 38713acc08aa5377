using System;
using System.Net.Mail;
using MessagingProvider.Errors;

namespace MessagingProvider.Providers;

/// <summary>A plain address check for settings (an account name, never a display-name form).</summary>
public static class EmailAddressSyntax
{
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return false;
        string trimmed = address!.Trim();
        int at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1) return false;
        try
        {
            var parsed = new MailAddress(trimmed);
            return string.Equals(parsed.Address, trimmed, StringComparison.OrdinalIgnoreCase)
                && DomainName.IsValid(trimmed.Substring(at + 1), requireDot: true);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string Require(string address, string parameter)
    {
        if (IsValid(address)) return address.Trim();
        throw new MessagingProviderException(ErrorIds.InvalidEmailAddress, ErrorKind.InvalidArgument,
            $"'{address}' is not a valid email address for -{parameter}. Give an address such as admin@contoso.com.", address);
    }
}
