using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Core.Tests;

public sealed class EmailAliasRulesTests
{
    [Theory]
    [InlineData("john.smith")]
    [InlineData("sales-team")]
    [InlineData("o'brien")]
    [InlineData("a+tag")]
    public void ValidLocalPartsPass(string alias) => Assert.Empty(EmailAliasRules.Validate(alias, null, null));

    [Theory]
    [InlineData("john smith", "a space")]
    [InlineData(".john", "starts or ends with a period")]
    [InlineData("john.", "starts or ends with a period")]
    [InlineData("jo..hn", "two periods in a row")]
    [InlineData("jöhn", "'ö'")]
    [InlineData("a@b", "'@'")]
    public void InvalidLocalPartsSayWhy(string alias, string reason) =>
        Assert.Contains(EmailAliasRules.Validate(alias, null, null), r => r.Contains(reason));

    [Fact]
    public void EveryReasonIsReportedAtOnce()
    {
        var reasons = EmailAliasRules.Validate("Bad Alias..x", 5, "[a-z.]+");
        Assert.Contains(reasons, r => r.Contains("maximum is 5"));
        Assert.Contains(reasons, r => r.Contains("does not match the alias pattern"));
        Assert.Contains(reasons, r => r.Contains("a space"));
        Assert.Contains(reasons, r => r.Contains("two periods"));
        Assert.Equal(4, reasons.Count);
    }

    [Fact]
    public void PatternMustMatchTheWholeAlias()
    {
        Assert.Empty(EmailAliasRules.Validate("sales", null, "[a-z]+"));
        Assert.Single(EmailAliasRules.Validate("sales1", null, "[a-z]+"));
    }

    [Theory]
    [InlineData("x)|(.*")]
    [InlineData("[a-z]+)|(?:.*")]
    [InlineData("a)|.*|(b")]
    public void APatternCannotEscapeTheWholeAliasAnchors(string pattern)
    {
        var error = Assert.Throws<MessagingProviderException>(() => EmailAliasRules.Validate("anything at all!", null, pattern));
        Assert.Equal(ErrorIds.InvalidAliasPattern, error.ErrorId);
    }

    [Fact]
    public void AlternativesAreMatchedAgainstTheWholeAlias()
    {
        Assert.Empty(EmailAliasRules.Validate("john.smith", null, "[a-z]+|[a-z]+\\.[a-z]+"));
        Assert.Empty(EmailAliasRules.Validate("ab", null, "a|ab"));
        Assert.Single(EmailAliasRules.Validate("abc", null, "a|ab"));
    }

    [Fact]
    public void LongerThan64IsNotALocalPart() =>
        Assert.Contains(EmailAliasRules.Validate(new string('a', 65), null, null), r => r.Contains("longer than 64"));

    [Fact]
    public void InvalidPatternIsRefused() =>
        Assert.Equal(ErrorIds.InvalidAliasPattern, Assert.Throws<MessagingProviderException>(() => EmailAliasRules.CompilePattern("[a-z")).ErrorId);

    [Fact]
    public void HostilePatternCannotHang()
    {
        // Catastrophic backtracking: without the match timeout this runs for ages.
        var reasons = EmailAliasRules.Validate(new string('a', 40) + "!", null, "(a+)+b");
        Assert.Contains(reasons, r => r.Contains("took longer than"));
    }
}
