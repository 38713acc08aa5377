using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Parameters that several cmdlets share, declared once on small holder classes instead of on a
/// base class each. A cmdlet offers its holders' [Parameter] properties as dynamic parameters
/// (they bind, validate, complete and show in Get-Command like any other) and calls
/// <see cref="Assign"/> before it reads the holders, for each pipeline record.
/// </summary>
internal sealed class ParameterGroups
{
    // Found once: Assign runs for every input record.
    private readonly List<(object Holder, PropertyInfo Property)> _properties;
    private readonly RuntimeDefinedParameterDictionary _parameters = new RuntimeDefinedParameterDictionary();

    public ParameterGroups(IReadOnlyList<object> holders)
    {
        _properties = Properties(holders).ToList();
        foreach ((object holder, PropertyInfo property) in _properties)
        {
            var attributes = new Collection<Attribute>(property.GetCustomAttributes(inherit: true).OfType<Attribute>().ToList());
            _parameters.Add(property.Name, new RuntimeDefinedParameter(property.Name, property.PropertyType, attributes) { Value = property.GetValue(holder) });
        }
    }

    /// <summary>What IDynamicParameters.GetDynamicParameters returns.</summary>
    public RuntimeDefinedParameterDictionary Parameters => _parameters;

    /// <summary>Copies the bound values (or the holders' defaults) onto the holders.</summary>
    public void Assign()
    {
        foreach ((object holder, PropertyInfo property) in _properties)
        {
            if (_parameters.TryGetValue(property.Name, out RuntimeDefinedParameter? parameter) && parameter.IsSet) property.SetValue(holder, parameter.Value);
        }
    }

    private static IEnumerable<(object Holder, PropertyInfo Property)> Properties(IReadOnlyList<object> holders) =>
        from holder in holders
        from property in holder.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.IsDefined(typeof(ParameterAttribute), inherit: true)
        select (holder, property);
}
