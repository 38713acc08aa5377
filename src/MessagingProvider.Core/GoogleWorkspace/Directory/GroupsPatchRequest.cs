using Google.Apis.Services;
using Google.Apis.Util;

namespace MessagingProvider.GoogleWorkspace.Directory;

/// <summary>groups.patch: only the fields set in the body change.</summary>
public sealed class GroupsPatchRequest : DirectoryRequest<DirectoryGroup>
{
    public GroupsPatchRequest(IClientService service, DirectoryGroup body, string groupKey) : base(service)
    {
        Body = body;
        GroupKey = groupKey;
        InitParameters();
    }

    public DirectoryGroup Body { get; }

    [RequestParameter("groupKey", RequestParameterType.Path)]
    public string GroupKey { get; }

    public override string MethodName => "patch";
    public override string HttpMethod => "PATCH";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}";
    protected override object GetBody() => Body;

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
    }
}
