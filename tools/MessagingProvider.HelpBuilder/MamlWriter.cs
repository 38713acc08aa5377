using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace MessagingProvider.HelpBuilder;

/// <summary>
/// Writes MAML as platyPS's New-ExternalHelp does. What must stay equal to platyPS's output so
/// that build.ps1 (platyPS where installed) and dotnet build give the same Get-Help:
/// one command:command per markdown file, in file-name order; synopsis in
/// command:details/maml:description; each markdown paragraph one maml:para; the syntax items in
/// SYNTAX's order with the parameters in each syntax line's order (switches without
/// command:parameterValue); command:parameters in PARAMETERS order with required, globbing,
/// pipelineInput (the yaml text verbatim), position (lower case) and aliases ("none") attributes;
/// example titles framed by 26 dashes; "Online Version:" as the first related link when the front
/// matter gives one. Differences that Get-Help ignores: element-name case (platyPS writes
/// maml:Description inside parameters and command:relatedLinks) and whitespace.
/// </summary>
public static class MamlWriter
{
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MsHelp = "http://msdn.microsoft.com/mshelp";
    private const string ExampleFrame = "--------------------------";

    public static string Write(IEnumerable<CommandHelp> commands)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        using var buffer = new MemoryStream();
        using (XmlWriter xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", "http://msh");
            xml.WriteAttributeString("schema", "maml");
            foreach (CommandHelp command in commands) WriteCommand(xml, command);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCommand(XmlWriter xml, CommandHelp command)
    {
        xml.WriteStartElement("command", "command", Command);
        xml.WriteAttributeString("xmlns", "maml", null, Maml);
        xml.WriteAttributeString("xmlns", "command", null, Command);
        xml.WriteAttributeString("xmlns", "dev", null, Dev);
        xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

        xml.WriteStartElement("details", Command);
        xml.WriteElementString("name", Command, command.Name);
        xml.WriteElementString("verb", Command, command.Verb);
        xml.WriteElementString("noun", Command, command.Noun);
        Paras(xml, "description", command.Synopsis);
        xml.WriteEndElement();

        Paras(xml, "description", command.Description);
        Syntax(xml, command);
        xml.WriteStartElement("parameters", Command);
        foreach (ParameterHelp parameter in command.Parameters) Parameter(xml, parameter, parameter.Primary, inSyntax: false);
        xml.WriteEndElement();
        Types(xml, "inputTypes", "inputType", command.Inputs);
        Types(xml, "returnValues", "returnValue", command.Outputs);

        xml.WriteStartElement("alertSet", Maml);
        xml.WriteStartElement("alert", Maml);
        foreach (string para in command.Notes) xml.WriteElementString("para", Maml, para);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("examples", Command);
        foreach (ExampleHelp example in command.Examples)
        {
            xml.WriteStartElement("example", Command);
            xml.WriteElementString("title", Maml, $"{ExampleFrame} {example.Title} {ExampleFrame}");
            xml.WriteElementString("code", Dev, example.Code);
            xml.WriteStartElement("remarks", Dev);
            foreach (string para in example.Remarks) xml.WriteElementString("para", Maml, para);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("relatedLinks", Maml);
        var links = new List<LinkHelp>();
        if (command.OnlineVersion is not null) links.Add(new LinkHelp("Online Version:", command.OnlineVersion));
        links.AddRange(command.Links);
        foreach (LinkHelp link in links)
        {
            xml.WriteStartElement("navigationLink", Maml);
            xml.WriteElementString("linkText", Maml, link.Text);
            xml.WriteElementString("uri", Maml, link.Uri);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Syntax(XmlWriter xml, CommandHelp command)
    {
        var byName = command.Parameters.ToDictionary(p => p.Name, System.StringComparer.OrdinalIgnoreCase);
        xml.WriteStartElement("syntax", Command);
        foreach (SyntaxHelp set in command.Syntax)
        {
            xml.WriteStartElement("syntaxItem", Command);
            xml.WriteElementString("name", Maml, command.Name);
            foreach (string name in set.ParameterOrder)
            {
                ParameterHelp parameter = byName[name];
                Parameter(xml, parameter, parameter.UsageIn(set.SetName)!, inSyntax: true);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, ParameterHelp parameter, ParameterUsage usage, bool inSyntax)
    {
        string type = usage.IsSwitch ? "SwitchParameter" : usage.Type;
        xml.WriteStartElement("parameter", Command);
        xml.WriteAttributeString("required", Lower(usage.Required));
        xml.WriteAttributeString("variableLength", "true");
        xml.WriteAttributeString("globbing", Lower(usage.Globbing));
        xml.WriteAttributeString("pipelineInput", usage.PipelineInput);
        xml.WriteAttributeString("position", usage.Position.ToLowerInvariant());
        xml.WriteAttributeString("aliases", usage.Aliases.Count > 0 ? string.Join(", ", usage.Aliases) : "none");
        xml.WriteElementString("name", Maml, parameter.Name);
        Paras(xml, "description", parameter.Description);
        if (!inSyntax || !usage.IsSwitch)
        {
            xml.WriteStartElement("parameterValue", Command);
            xml.WriteAttributeString("required", Lower(!usage.IsSwitch));
            xml.WriteAttributeString("variableLength", Lower(type.EndsWith("[]", System.StringComparison.Ordinal)));
            xml.WriteString(type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("type", Dev);
        xml.WriteElementString("name", Maml, type);
        xml.WriteElementString("uri", Maml, "");
        xml.WriteEndElement();
        xml.WriteElementString("defaultValue", Dev, usage.DefaultValue.Length == 0 ? "None" : usage.DefaultValue);
        xml.WriteEndElement();
    }

    private static void Types(XmlWriter xml, string listName, string itemName, IReadOnlyList<TypeHelp> types)
    {
        xml.WriteStartElement(listName, Command);
        foreach (TypeHelp type in types)
        {
            xml.WriteStartElement(itemName, Command);
            xml.WriteStartElement("type", Dev);
            xml.WriteElementString("name", Maml, type.TypeName);
            xml.WriteEndElement();
            Paras(xml, "description", type.Description);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Paras(XmlWriter xml, string element, IEnumerable<string> paragraphs)
    {
        xml.WriteStartElement(element, Maml);
        foreach (string para in paragraphs) xml.WriteElementString("para", Maml, para);
        xml.WriteEndElement();
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
