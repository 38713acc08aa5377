using System.Collections.Generic;
using MessagingProvider.Notifications.Templates;

namespace MessagingProvider.Notifications;

public enum DirectoryObjectKind
{
    Unknown,
    User,
    Group,
    Contact,
}

public enum GroupSecurity
{
    Public,
    SemiPrivate,
    Private,
}

/// <summary>
/// A user, group or contact as far as notifications care: its mail address and the related
/// objects whose addresses may be notified. Built from whatever the administrator pipes in.
/// </summary>
public sealed class DirectoryObject
{
    public string Name { get; set; } = "";
    public string? Mail { get; set; }
    public DirectoryObjectKind Kind { get; set; }
    public GroupSecurity? Security { get; set; }
    public List<DirectoryObject> Members { get; } = new List<DirectoryObject>();

    /// <summary>Primary and additional owners of a group.</summary>
    public List<DirectoryObject> Owners { get; } = new List<DirectoryObject>();
    public DirectoryObject? Manager { get; set; }
    public List<DirectoryObject> DirectReports { get; } = new List<DirectoryObject>();

    /// <summary>Every property of the input object, for templates ({{ object.department }}) and the recipient's language.</summary>
    public PropertyBag Properties { get; } = new PropertyBag();

    public bool IsGroup => Kind == DirectoryObjectKind.Group;

    public override string ToString() => Name.Length > 0 ? Name : Mail ?? "(unnamed object)";
}
