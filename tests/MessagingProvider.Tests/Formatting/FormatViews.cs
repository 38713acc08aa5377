using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Formatting;

/// <summary>The views of module/MessagingProvider.Format.ps1xml and the alias properties of Types.ps1xml.</summary>
public sealed class FormatViews
{
    private FormatViews(List<FormatView> views, Dictionary<string, HashSet<string>> aliases)
    {
        Views = views;
        Aliases = aliases;
    }

    public IReadOnlyList<FormatView> Views { get; }

    /// <summary>Type name → member names Types.ps1xml adds.</summary>
    public Dictionary<string, HashSet<string>> Aliases { get; }

    public static FormatViews Load()
    {
        string module = Path.Combine(RepoPaths.Root, "module");
        var views = XDocument.Load(Path.Combine(module, "MessagingProvider.Format.ps1xml")).Descendants("View")
            .Select(v => new FormatView(
                (string)v.Element("Name")!,
                v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()).ToList(),
                v.Element("TableControl") is not null ? "Table" : v.Element("ListControl") is not null ? "List" : v.Elements().Last().Name.LocalName,
                Items(v)))
            .ToList();
        var aliases = XDocument.Load(Path.Combine(module, "MessagingProvider.Types.ps1xml")).Descendants("Type")
            .ToDictionary(
                t => ((string)t.Element("Name")!).Trim(),
                t => new HashSet<string>(t.Element("Members")?.Elements().Select(m => ((string)m.Element("Name")!).Trim()) ?? Enumerable.Empty<string>()));
        return new FormatViews(views, aliases);
    }

    private static List<FormatItem> Items(XElement view)
    {
        var items = new List<FormatItem>();
        if (view.Element("TableControl") is { } table)
        {
            var headers = table.Descendants("TableColumnHeader").Select(h => (string?)h.Element("Label")).ToList();
            var columns = table.Descendants("TableColumnItem").ToList();
            for (int i = 0; i < columns.Count; i++)
            {
                string? property = (string?)columns[i].Element("PropertyName");
                items.Add(new FormatItem(i < headers.Count ? headers[i] ?? property : property, property, (string?)columns[i].Element("ScriptBlock")));
            }
        }

        foreach (XElement item in view.Descendants("ListItem"))
        {
            string? property = (string?)item.Element("PropertyName");
            items.Add(new FormatItem((string?)item.Element("Label") ?? property, property, (string?)item.Element("ScriptBlock")));
        }

        return items;
    }
}

public sealed record FormatView(string Name, IReadOnlyList<string> TypeNames, string Control, IReadOnlyList<FormatItem> Items);

/// <summary>A table column or list item: what it is labelled and what it shows.</summary>
public sealed record FormatItem(string? Label, string? PropertyName, string? ScriptBlock);
