using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// The JSON of the REST admin API: the request <c>{"CmdletInput":{"CmdletName":…,"Parameters":{…}}}</c>
/// and the OData answer (<c>value</c>, <c>@odata.nextLink</c>, <c>adminapi.warnings</c>).
/// </summary>
public static class InvokeCommandJson
{
    public static byte[] Request(string commandName, IDictionary parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("CmdletInput");
            writer.WriteString("CmdletName", commandName);
            writer.WriteStartObject("Parameters");
            foreach (DictionaryEntry entry in parameters)
            {
                string name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!.TrimStart('-');
                writer.WritePropertyName(name);
                WriteValue(writer, entry.Value, commandName, name);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static InvokeCommandPage ReadPage(byte[] body)
    {
        var page = new InvokeCommandPage();
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("The answer is not a JSON object.");
        if (root.TryGetProperty("value", out JsonElement value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray()) page.Objects.Add(PSObject.AsPSObject(ToValue(item) ?? new object()));
        }

        if (root.TryGetProperty("@odata.nextLink", out JsonElement next) && next.ValueKind == JsonValueKind.String)
        {
            page.NextLink = next.GetString();
        }

        if (root.TryGetProperty("adminapi.warnings", out JsonElement warnings) && warnings.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement warning in warnings.EnumerateArray())
            {
                if (warning.ValueKind == JsonValueKind.String) page.Warnings.Add(warning.GetString()!);
            }
        }

        return page;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string commandName, string parameter)
    {
        if (value is PSObject ps) value = ps.BaseObject;
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case SwitchParameter sw:
                writer.WriteBooleanValue(sw.IsPresent);
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case int or long or short or byte or uint or ulong or ushort:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                writer.WriteStringValue(dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                break;
            case Guid g:
                writer.WriteStringValue(g.ToString());
                break;
            case SecureString or PSCredential:
                throw new MessagingProviderException(ErrorIds.ExchangeParameterNotSupported, ErrorKind.NotSupported,
                    $"{commandName} -{parameter}: secrets are not sent to Exchange Online through this runner.", parameter);
            case IDictionary dictionary:
                // Multi-valued updates such as -EmailAddresses @{Add='a@contoso.com'}.
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    string name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!;
                    writer.WritePropertyName(name);
                    WriteValue(writer, entry.Value, commandName, parameter);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (object? item in sequence) WriteValue(writer, item, commandName, parameter);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>JSON to what a PowerShell user expects: objects become PSObjects with note properties.</summary>
    private static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var ps = new PSObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    // OData annotations (Name@odata.type, @odata.id) describe the data; they are not data.
                    if (property.Name.IndexOf("@odata.", StringComparison.Ordinal) >= 0) continue;
                    ps.Properties.Add(new PSNoteProperty(property.Name, ToValue(property.Value)));
                }

                return ps;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (JsonElement item in element.EnumerateArray()) items.Add(ToValue(item));
                return items.ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out int i)) return i;
                if (element.TryGetInt64(out long l)) return l;
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}

public sealed class InvokeCommandPage
{
    public List<PSObject> Objects { get; } = new List<PSObject>();

    public List<string> Warnings { get; } = new List<string>();

    public string? NextLink { get; set; }
}
