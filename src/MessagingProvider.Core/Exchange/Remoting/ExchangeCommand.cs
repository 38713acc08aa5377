using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// One Exchange cmdlet with its parameters. It is sent with AddCommand/AddParameter, never as
/// script text: Exchange endpoints run in NoLanguage mode, and user input never becomes code.
/// </summary>
public sealed class ExchangeCommand
{
    private readonly List<KeyValuePair<string, object?>> _parameters = new List<KeyValuePair<string, object?>>();

    public ExchangeCommand(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>Adds a parameter; a null value is left out, so optional inputs stay optional.</summary>
    public ExchangeCommand With(string name, object? value)
    {
        if (value is not null) _parameters.Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }

    public object? this[string name] => _parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>For -Verbose: names only, never values (a value may be a password).</summary>
    public override string ToString() => Name + string.Concat(_parameters.Select(p => " -" + p.Key));
}
