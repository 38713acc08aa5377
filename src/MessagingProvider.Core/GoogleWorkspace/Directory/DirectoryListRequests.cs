using Google.Apis.Services;
using Google.Apis.Util;

namespace MessagingProvider.GoogleWorkspace.Directory;

/// <summary>groups.list and users.list of the administrator's own customer ("my_customer"), one page.</summary>
public abstract class CustomerListRequest<TResponse> : DirectoryRequest<TResponse>
{
    protected CustomerListRequest(IClientService service) : base(service)
    {
    }

    [RequestParameter("customer", RequestParameterType.Query)]
    public string Customer { get; set; } = "my_customer";

    /// <summary>Google's search syntax: email:sales*, name:'Sales Team'.</summary>
    [RequestParameter("query", RequestParameterType.Query)]
    public string? Query { get; set; }

    [RequestParameter("maxResults", RequestParameterType.Query)]
    public int? MaxResults { get; set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    public override string MethodName => "list";
    public override string HttpMethod => "GET";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("customer", "query", false);
        AddParameter("query", "query", false);
        AddParameter("maxResults", "query", false);
        AddParameter("pageToken", "query", false);
    }
}

public sealed class GroupsListRequest : CustomerListRequest<DirectoryGroups>
{
    public GroupsListRequest(IClientService service) : base(service) => InitParameters();

    public override string RestPath => "admin/directory/v1/groups";
}

public sealed class UsersListRequest : CustomerListRequest<DirectoryUsers>
{
    public UsersListRequest(IClientService service) : base(service) => InitParameters();

    public override string RestPath => "admin/directory/v1/users";
}

/// <summary>The customer's domains, each with its domain aliases.</summary>
public sealed class DomainsListRequest : DirectoryRequest<DirectoryDomains>
{
    public DomainsListRequest(IClientService service) : base(service) => InitParameters();

    [RequestParameter("customer", RequestParameterType.Path)]
    public string Customer { get; } = "my_customer";

    public override string MethodName => "list";
    public override string HttpMethod => "GET";
    public override string RestPath => "admin/directory/v1/customer/{customer}/domains";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("customer", "path", true);
    }
}

/// <summary>Deletes a group; Google answers 204 with no body.</summary>
public sealed class GroupsDeleteRequest : DirectoryRequest<string>
{
    public GroupsDeleteRequest(IClientService service, string groupKey) : base(service)
    {
        GroupKey = groupKey;
        InitParameters();
    }

    [RequestParameter("groupKey", RequestParameterType.Path)]
    public string GroupKey { get; }

    public override string MethodName => "delete";
    public override string HttpMethod => "DELETE";
    public override string RestPath => "admin/directory/v1/groups/{groupKey}";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("groupKey", "path", true);
    }
}
