using System.Management.Automation;

namespace MessagingProvider.Commands.Completers;

internal static class CompletionText
{
    /// <summary>Quotes a value that would not survive the command line bare.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#' }) >= 0
            ? "'" + value.Replace("'", "''") + "'"
            : value;

    /// <summary>Matches the names that start with what has been typed so far, quoted or not.</summary>
    public static WildcardPattern StartsWith(string? wordToComplete) =>
        new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);

    public static CompletionResult Entry(string name, string toolTip) =>
        new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, toolTip);
}
