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

    /// <summary>OWNER, MANAGER, MEMBER or a comma-separated list of them; all when null.</summary>
    [RequestParameter("roles", RequestParameterType.Query)]
    public string? Roles { get; set; }

    public override string MethodName => "list";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}/members";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
        AddParameter("maxResults", "query", false);
        AddParameter("pageToken", "query", false);
        AddParameter("roles", "query", false);
    }
}

/// <summary>Whose aliases: users and groups have the same alias methods, each under its own path.</summary>
public enum AliasOwner
{
    User,
    Group,
}

/// <summary>The aliases methods of users (users/{userKey}/aliases) and groups (groups/{groupKey}/aliases).</summary>
public abstract class AliasRequest<TResponse> : DirectoryRequest<TResponse>
{
    protected AliasRequest(IClientService service, AliasOwner owner, string ownerKey) : base(service)
    {
        Owner = owner;
        OwnerKey = ownerKey;
    }

    public AliasOwner Owner { get; }

    /// <summary>The user's or group's primary email, alias or unique ID.</summary>
    [RequestParameter("ownerKey", RequestParameterType.Path)]
    public string OwnerKey { get; }

    protected string AliasesPath => (Owner == AliasOwner.User ? "admin/directory/v1/users" : "admin/directory/v1/groups") + "/{ownerKey}/aliases";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("ownerKey", "path", true);
    }
}

public sealed class AliasesInsertRequest : AliasRequest<DirectoryAlias>
{
    public AliasesInsertRequest(IClientService service, AliasOwner owner, string ownerKey, DirectoryAlias body) : base(service, owner, ownerKey)
    {
        Body = body;
        InitParameters();
    }

    public DirectoryAlias Body { get; }
    public override string MethodName => "insert";
    public override string HttpMethod => "POST";
    public override string RestPath => AliasesPath;
    protected override object GetBody() => Body;
}

public sealed class AliasesListRequest : AliasRequest<DirectoryAliases>
{
    public AliasesListRequest(IClientService service, AliasOwner owner, string ownerKey) : base(service, owner, ownerKey) => InitParameters();

    public override string MethodName => "list";
    public override string HttpMethod => "GET";
    public override string RestPath => AliasesPath;
}

/// <summary>Removes one alias; Google answers 204 with no body (the generated client's response type for that is string).</summary>
public sealed class AliasesDeleteRequest : AliasRequest<string>
{
    public AliasesDeleteRequest(IClientService service, AliasOwner owner, string ownerKey, string alias) : base(service, owner, ownerKey)
    {
        Alias = alias;
        InitParameters();
    }

    [RequestParameter("alias", RequestParameterType.Path)]
    public string Alias { get; }

    public override string MethodName => "delete";
    public override string HttpMethod => "DELETE";
    public override string RestPath => AliasesPath + "/{alias}";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("alias", "path", true);
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
