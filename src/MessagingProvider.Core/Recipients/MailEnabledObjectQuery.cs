using System;
using System.Globalization;
using MessagingProvider.Errors;

namespace MessagingProvider.Recipients;

/// <summary>Which mail-enabled objects of one kind to read: by identity, by address, by name (wildcards), or all.</summary>
public sealed class MailEnabledObjectQuery
{
    /// <summary>What Exchange returns without -ResultSize.</summary>
    public const int DefaultResultSize = 1000;

    public MailEnabledObjectKind Kind { get; set; }
    public string? Identity { get; set; }
    public string? EmailAddress { get; set; }

    /// <summary>A name, with * wildcards.</summary>
    public string? Name { get; set; }

    /// <summary>At most this many objects; null for all (Exchange's Unlimited).</summary>
    public int? ResultSize { get; set; } = DefaultResultSize;

    /// <summary>Whether an empty answer is an error (an identity, an address or a name without wildcards names one object).</summary>
    public bool NamesOneObject => Identity is not null || EmailAddress is not null || (Name is not null && Name.IndexOf('*') < 0);

    /// <summary>-ResultSize as Exchange takes it: a positive number, or Unlimited (null).</summary>
    public static int? ParseResultSize(string text)
    {
        if (string.Equals(text.Trim(), "Unlimited", StringComparison.OrdinalIgnoreCase)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0) return size;
        throw new MessagingProviderException(ErrorIds.InvalidResultSize, ErrorKind.InvalidArgument,
            $"-ResultSize '{text}' is neither a positive number nor Unlimited.", text);
    }

    public string Describe() =>
        Identity is not null ? $"'{Identity}'" :
        EmailAddress is not null ? $"with the address {EmailAddress}" :
        Name is not null ? $"named '{Name}'" : "of any name";
}
