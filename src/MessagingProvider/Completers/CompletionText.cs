namespace MessagingProvider.Commands.Completers;

internal static class CompletionText
{
    /// <summary>Quotes a value that would not survive the command line bare.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#' }) >= 0
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
