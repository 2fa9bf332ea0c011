using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// <c>GET /api/v1/charter</c> (viewer): the charter in force — the fleet default and each project with a section of its own,
/// or with <c>?project=</c> the one project's (what it inherits included); each limit and rule with its config key.
/// </summary>
internal static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/charter", Show);
        return endpoints;
    }

    private static IResult Show(HttpRequest request, CharterBook book)
    {
        var query = new QueryReader(request.Query);
        var project = query.String("project");
        if (project is not null && !ProtocolLimits.IsProjectName(project))
        {
            query.Add("project", $"must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'");
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        IReadOnlyList<CharterView> views = project is not null
            ? [CharterView.Of(book.For(project), project)]
            : [CharterView.Of(book.Default, null), .. book.Projects.OrderBy(c => c.Project, StringComparer.Ordinal).Select(c => CharterView.Of(c, c.Project))];
        return ApiResults.Ok(views, GovernanceJsonContext.Default.ApiEnvelopeIReadOnlyListCharterView);
    }
}
