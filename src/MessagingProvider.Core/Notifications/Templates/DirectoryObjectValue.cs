using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Fluid;
using Fluid.Values;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// A directory object in a template: {{ object }} is its display name, {{ object.anyProperty }}
/// any property piped in (case-insensitive), plus name, mail, kind, members, owners and manager.
/// </summary>
internal sealed class DirectoryObjectValue : ObjectValueBase
{
    private readonly DirectoryObject _object;

    public DirectoryObjectValue(DirectoryObject value)
        : base(value) => _object = value;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => new ValueTask<FluidValue>(Member(name, context));

    private FluidValue Member(string name, TemplateContext context)
    {
        switch (name.ToLowerInvariant())
        {
            case "name": return StringValue.Create(_object.ToString());
            case "mail" when _object.Mail is not null: return StringValue.Create(_object.Mail);
            case "kind": return StringValue.Create(_object.Kind.ToString());
            case "members" when _object.Members.Count > 0: return List(_object.Members);
            case "owners" when _object.Owners.Count > 0: return List(_object.Owners);
            case "manager" when _object.Manager is not null: return new DirectoryObjectValue(_object.Manager);
            case "direct_reports" when _object.DirectReports.Count > 0: return List(_object.DirectReports);
        }

        return _object.Properties.TryGetValue(name, out object? value) ? FromProperty(value, context) : NilValue.Instance;
    }

    internal static FluidValue List(IEnumerable<DirectoryObject> objects)
    {
        var items = new List<FluidValue>();
        foreach (DirectoryObject o in objects) items.Add(new DirectoryObjectValue(o));
        return ArrayValue.Create(items);
    }

    internal static FluidValue FromProperty(object? value, TemplateContext context) => value switch
    {
        null => NilValue.Instance,
        DirectoryObject o => new DirectoryObjectValue(o),
        _ => FluidValue.Create(value, context.Options),
    };

    public override string ToStringValue(TemplateContext context) => _object.ToString();

    public override bool ToBooleanValue(TemplateContext context) => true;

    public override object ToObjectValue(TemplateContext context) => _object;

    public override ValueTask WriteToAsync(IFluidOutput output, TextEncoder encoder, TemplateContext context)
    {
        output.Write(encoder.Encode(_object.ToString()));
        return default;
    }

    public override bool Equals(FluidValue other) => other is DirectoryObjectValue o ? ReferenceEquals(o._object, _object) : other is StringValue s && s.ToStringValue(null!) == _object.ToString();

    public override bool Equals(object? other) => other is FluidValue f && Equals(f);

    public override int GetHashCode() => _object.GetHashCode();
}
