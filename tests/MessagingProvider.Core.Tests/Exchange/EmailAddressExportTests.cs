using System;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Addresses;
using MessagingProvider.Output;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

/// <summary>Every rule of the connector's EmailAddresses export, one row each.</summary>
public sealed class EmailAddressExportTests
{
    private static readonly string[] Excluded = { "contoso.mail.onmicrosoft.com", "legacy.local" };

    public static TheoryData<string, string[], string[], string?, string[]> Valid => new TheoryData<string, string[], string[], string?, string[]>
    {
        // rule, current, desired, primary, expected collection
        { "empty object: primary gets SMTP:", new string[0], new[] { "ann@contoso.com" }, null, new[] { "SMTP:ann@contoso.com" } },
        { "primary last, others smtp:", new string[0], new[] { "ann@contoso.com", "a.smith@contoso.com" }, "ann@contoso.com", new[] { "smtp:a.smith@contoso.com", "SMTP:ann@contoso.com" } },
        { "without -Primary the last desired is primary", new string[0], new[] { "a.smith@contoso.com", "ann@contoso.com" }, null, new[] { "smtp:a.smith@contoso.com", "SMTP:ann@contoso.com" } },
        { "uppercase SMTP: marks the primary", new string[0], new[] { "SMTP:ann@contoso.com", "smtp:a.smith@contoso.com" }, null, new[] { "smtp:a.smith@contoso.com", "SMTP:ann@contoso.com" } },
        { "non-SMTP kept unchanged and first", new[] { "X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=ann", "SIP:ann@contoso.com", "EUM:1234;phone-context=dp.contoso.com", "x400:c=US;a= ;p=Contoso;o=Exchange;s=Ann;", "SMTP:old@contoso.com" }, new[] { "ann@contoso.com" }, null,
            new[] { "X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=ann", "SIP:ann@contoso.com", "EUM:1234;phone-context=dp.contoso.com", "x400:c=US;a= ;p=Contoso;o=Exchange;s=Ann;", "SMTP:ann@contoso.com" } },
        { "managed SMTP addresses not desired are dropped", new[] { "SMTP:old@contoso.com", "smtp:older@contoso.com" }, new[] { "ann@contoso.com" }, null, new[] { "SMTP:ann@contoso.com" } },
        { "excluded-domain SMTP kept", new[] { "smtp:ann@contoso.mail.onmicrosoft.com", "SMTP:old@contoso.com" }, new[] { "ann@contoso.com" }, null, new[] { "smtp:ann@contoso.mail.onmicrosoft.com", "SMTP:ann@contoso.com" } },
        { "excluded subdomain kept", new[] { "smtp:ann@eu.legacy.local" }, new[] { "ann@contoso.com" }, null, new[] { "smtp:ann@eu.legacy.local", "SMTP:ann@contoso.com" } },
        { "excluded-domain primary demoted", new[] { "SMTP:ann@legacy.local" }, new[] { "ann@contoso.com" }, null, new[] { "smtp:ann@legacy.local", "SMTP:ann@contoso.com" } },
        { "duplicates removed case-insensitively", new string[0], new[] { "Ann@Contoso.com", "ann@contoso.com", "b@contoso.com", "B@CONTOSO.COM" }, "ann@contoso.com", new[] { "smtp:b@contoso.com", "SMTP:ann@contoso.com" } },
        { "duplicate non-SMTP removed", new[] { "X500:/o=A/cn=ann", "x500:/O=A/CN=ANN" }, new[] { "ann@contoso.com" }, null, new[] { "X500:/o=A/cn=ann", "SMTP:ann@contoso.com" } },
        { "current secondary promoted to primary", new[] { "SMTP:old@contoso.com", "smtp:ann@contoso.com" }, new[] { "old@contoso.com", "ann@contoso.com" }, "ann@contoso.com", new[] { "smtp:old@contoso.com", "SMTP:ann@contoso.com" } },
        { "primary given outside the list is added", new string[0], new[] { "b@contoso.com" }, "SMTP:ann@contoso.com", new[] { "smtp:b@contoso.com", "SMTP:ann@contoso.com" } },
        { "unprefixed current address is SMTP", new[] { "old@contoso.com" }, new[] { "ann@contoso.com" }, null, new[] { "SMTP:ann@contoso.com" } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ComputesTheCollection(string rule, string[] current, string[] desired, string? primary, string[] expected)
    {
        EmailAddressUpdate update = EmailAddressExport.Compute(current, desired, primary, Excluded);
        Assert.True(expected.AsSpan().SequenceEqual(update.EmailAddresses), $"{rule}: got {string.Join(" | ", update.EmailAddresses)}");
        Assert.Equal(expected[expected.Length - 1].Substring(5), update.PrimarySmtpAddress);
        Assert.Single(update.EmailAddresses, a => a.StartsWith("SMTP:", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[], string?, string, string> Invalid => new TheoryData<string, string[], string?, string, string>
    {
        // rule, desired, primary, error id, message fragment
        { "desired address in an excluded domain", new[] { "ann@contoso.mail.onmicrosoft.com" }, null, ErrorIds.ExcludedDomainAddress, "excluded SMTP domain" },
        { "desired address in an excluded subdomain", new[] { "ann@contoso.com", "x@eu.legacy.local" }, "ann@contoso.com", ErrorIds.ExcludedDomainAddress, "'x@eu.legacy.local'" },
        { "malformed address", new[] { "ann@@contoso" }, null, ErrorIds.InvalidEmailAddresses, "'ann@@contoso' is not a valid SMTP address" },
        { "malformed without domain", new[] { "ann" }, null, ErrorIds.InvalidEmailAddresses, "'ann' is not a valid SMTP address" },
        { "two primaries", new[] { "SMTP:a@contoso.com", "SMTP:b@contoso.com" }, null, ErrorIds.InvalidEmailAddresses, "more than one primary" },
        { "primary differs from marked one", new[] { "SMTP:a@contoso.com" }, "b@contoso.com", ErrorIds.InvalidEmailAddresses, "also marked primary" },
        { "no address at all", new string[0], null, ErrorIds.InvalidEmailAddresses, "exactly one primary" },
        { "non-SMTP desired", new[] { "X500:/o=A/cn=ann" }, null, ErrorIds.InvalidEmailAddresses, "not an SMTP address" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RefusesBadInput(string rule, string[] desired, string? primary, string errorId, string fragment)
    {
        var error = Assert.Throws<MessagingProviderException>(() => EmailAddressExport.Compute(new[] { "SMTP:old@contoso.com" }, desired, primary, Excluded));
        Assert.True(errorId == error.ErrorId, $"{rule}: got {error.ErrorId}");
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void ReportsKeptRemovedAndChanged()
    {
        EmailAddressUpdate update = EmailAddressExport.Compute(
            new[] { "X500:/o=A/cn=ann", "smtp:ann@legacy.local", "smtp:gone@contoso.com", "SMTP:ann@contoso.com" },
            new[] { "ann@contoso.com" }, null, Excluded);

        Assert.Equal(new[] { "X500:/o=A/cn=ann", "smtp:ann@legacy.local" }, update.Kept);
        Assert.Equal(new[] { "gone@contoso.com" }, update.Removed);
        Assert.True(update.Changed);

        EmailAddressUpdate same = EmailAddressExport.Compute(update.EmailAddresses, new[] { "ann@contoso.com" }, null, Excluded);
        Assert.False(same.Changed);
        Assert.Empty(same.Removed);
    }
}
