using Google.Apis.Discovery;
using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;

namespace MessagingProvider.GoogleWorkspace.Directory;

/// <summary>One Directory API method: its path, verb and parameters, as the generated client declares them.</summary>
public abstract class DirectoryRequest<TResponse> : ClientServiceRequest<TResponse>
{
    protected DirectoryRequest(IClientService service) : base(service)
    {
    }

    protected void AddParameter(string name, string type, bool required) =>
        RequestParameters.Add(name, new Parameter { Name = name, IsRequired = required, ParameterType = type });
}

public sealed class GroupsInsertRequest : DirectoryRequest<DirectoryGroup>
{
    public GroupsInsertRequest(IClientService service, DirectoryGroup body) : base(service)
    {
        Body = body;
        InitParameters();
    }

    public DirectoryGroup Body { get; }
    public override string MethodName => "insert";
    public override string HttpMethod => "POST";
    public override string RestPath => "admin/directory/v1/groups";
    protected override object GetBody() => Body;
}

public sealed class GroupsGetRequest : DirectoryRequest<DirectoryGroup>
{
    public GroupsGetRequest(IClientService service, string groupKey) : base(service)
    {
        GroupKey = groupKey;
        InitParameters();
    }

    [RequestParameter("groupKey", RequestParameterType.Path)]
    public string GroupKey { get; }

    public override string MethodName => "get";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
    }
}

public sealed class MembersInsertRequest : DirectoryRequest<DirectoryMember>
{
    public MembersInsertRequest(IClientService service, string groupKey, DirectoryMember body) : base(service)
    {
        GroupKey = groupKey;
        Body = body;
        InitParameters();
    }

    [RequestParameter("groupKey", RequestParameterType.Path)]
    public string GroupKey { get; }

    public DirectoryMember Body { get; }
    public override string MethodName => "insert";
    public override string HttpMethod => "POST";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}/members";
    protected override object GetBody() => Body;

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
    }
}

public sealed class MembersListRequest : DirectoryRequest<DirectoryMembers>
{
    public MembersListRequest(IClientService service, string groupKey) : base(service)
    {
        GroupKey = groupKey;
        InitParameters();
    }

    [RequestParameter("groupKey", RequestParameterType.Path)]
    public string GroupKey { get; }

    [RequestParameter("maxResults", RequestParameterType.Query)]
    public int? MaxResults { get; set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    public override string MethodName => "list";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}/members";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
        AddParameter("maxResults", "query", false);
        AddParameter("pageToken", "query", false);
    }
}

public sealed class AliasesInsertRequest : DirectoryRequest<DirectoryAlias>
{
    public AliasesInsertRequest(IClientService service, string userKey, DirectoryAlias body) : base(service)
    {
        UserKey = userKey;
        Body = body;
        InitParameters();
    }

    [RequestParameter("userKey", RequestParameterType.Path)]
    public string UserKey { get; }

    public DirectoryAlias Body { get; }
    public override string MethodName => "insert";
    public override string HttpMethod => "POST";
    public override string RestPath => "admin/directory/v1/users/{userKey}/aliases";
    protected override object GetBody() => Body;

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("userKey", "path", true);
    }
}

public sealed class AliasesListRequest : DirectoryRequest<DirectoryAliases>
{
    public AliasesListRequest(IClientService service, string userKey) : base(service)
    {
        UserKey = userKey;
        InitParameters();
    }

    [RequestParameter("userKey", RequestParameterType.Path)]
    public string UserKey { get; }

    public override string MethodName => "list";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/users/{userKey}/aliases";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("userKey", "path", true);
    }
}

public sealed class UsersGetRequest : DirectoryRequest<DirectoryUser>
{
    public UsersGetRequest(IClientService service, string userKey) : base(service)
    {
        UserKey = userKey;
        InitParameters();
    }

    [RequestParameter("userKey", RequestParameterType.Path)]
    public string UserKey { get; }

    public override string MethodName => "get";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/users/{userKey}";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("userKey", "path", true);
    }
}
