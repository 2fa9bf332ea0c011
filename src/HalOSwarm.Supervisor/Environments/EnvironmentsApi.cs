using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// <c>/api/v1/env</c>: every project × node with its latest verdict, one project's items per node, a check now on the
/// nodes hosting a project (operator), and AGENT.md as the template renders it and as it differs on a node
/// (<see cref="EnvAgentsMdApi"/>).
/// </summary>
internal static class EnvironmentsApi
{
    public const int MaxCheckBodyBytes = 1024;

    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/env", ListAsync);
        endpoints.MapGet("/env/{project}", GetAsync);
        endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Operator).MapPost("/env/{project}/check", CheckAsync);
        endpoints.MapEnvAgentsMdApi();
        endpoints.MapEnvProvisionApi();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(EnvHosts hosts, EnvReportStore store, IEnvManifests manifests, CancellationToken cancellationToken)
    {
        var all = await hosts.AllAsync(cancellationToken);
        var rows = new Dictionary<(string Project, string Node), EnvStatusRow>();
        foreach (var host in all.Where(h => manifests.Covers(h.Project.Name)))
        {
            rows[(host.Project.Name, host.NodeId)] = new EnvStatusRow(host.Project.Name, host.NodeId, host.Online, null, null, 0);
        }
        foreach (var report in await store.ListAsync(null, null, cancellationToken))
        {
            var online = all.Any(h => h.NodeId == report.NodeId && h.Online);
            rows[(report.Project, report.NodeId)] = new EnvStatusRow(report.Project, report.NodeId, online, report.Report.Verdict, report.CheckedAt,
                report.Report.Items.Count(i => i.Verdict != EnvVerdicts.Ready));
        }
        IReadOnlyList<EnvStatusRow> list = [.. rows.Values.OrderBy(r => r.Project, StringComparer.Ordinal).ThenBy(r => r.NodeId, StringComparer.Ordinal)];
        return ApiResults.Ok(list, EnvironmentsJsonContext.Default.ApiEnvelopeIReadOnlyListEnvStatusRow);
    }

    private static async Task<IResult> GetAsync(string project, HttpRequest request, EnvHosts hosts, EnvReportStore store, CancellationToken cancellationToken)
    {
        var nodeId = new QueryReader(request.Query).String("node_id");
        var (found, error) = await hosts.OfAsync(project, nodeId, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var reports = await store.ListAsync(project, nodeId, cancellationToken);
        var nodes = new Dictionary<string, EnvNodeReport>(StringComparer.Ordinal);
        foreach (var host in found)
        {
            nodes[host.NodeId] = new EnvNodeReport(host.NodeId, host.Online, null, null, null, []);
        }
        foreach (var report in reports)
        {
            nodes[report.NodeId] = View(report.NodeId, nodes.GetValueOrDefault(report.NodeId)?.NodeOnline ?? false, report);
        }
        IReadOnlyList<EnvNodeReport> list = [.. nodes.Values.OrderBy(n => n.NodeId, StringComparer.Ordinal)];
        return ApiResults.Ok(list, EnvironmentsJsonContext.Default.ApiEnvelopeIReadOnlyListEnvNodeReport);
    }

    private static async Task<IResult> CheckAsync(string project, HttpRequest request, EnvHosts hosts, IEnvManifests manifests, IEnvChecks checks,
        EnvReportStore store, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxCheckBodyBytes)
        {
            return ApiErrors.TooLarge($"the body is over {MaxCheckBodyBytes} bytes");
        }
        if (ApiCaller.Actor(request, out var actorError) is not { } actor)
        {
            return ApiErrors.Invalid([new FieldError(ApiCaller.ActorHeader, actorError!)]);
        }
        var (body, bodyError) = await RequestBody.ReadAsync(request, EnvironmentsJsonContext.Default.EnvCheckRequest, new EnvCheckRequest(null), cancellationToken);
        if (bodyError is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", bodyError)]);
        }
        var (found, error) = await hosts.OfAsync(project, body!.NodeId, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (!manifests.Covers(project))
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict,
                $"no manifest covers project '{project}': add environments.projects.{project} or environments.default", "no_manifest");
        }
        if (found.Count == 0)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, $"no node hosts project '{project}'", "not_hosted");
        }
        var online = found.Where(h => h.Online).ToList();
        if (online.Count == 0)
        {
            return ApiErrors.NodeOffline(found.Count == 1
                ? $"node '{found[0].NodeId}' is offline"
                : $"no node hosting project '{project}' is online ({string.Join(", ", found.Select(h => h.NodeId))})");
        }
        var results = await Task.WhenAll(online.Select(host => CheckOneAsync(host, actor, checks, store, cancellationToken)));
        if (results.All(r => r.ErrorCode is not null))
        {
            return ApiErrors.Error(StatusCodes.Status502BadGateway,
                "the check failed: " + string.Join("; ", results.Select(r => $"{r.NodeId}: {r.Error}")), "check_failed");
        }
        IReadOnlyList<EnvNodeReport> list = [.. results];
        return ApiResults.Ok(list, EnvironmentsJsonContext.Default.ApiEnvelopeIReadOnlyListEnvNodeReport);
    }

    private static async Task<EnvNodeReport> CheckOneAsync(EnvHost host, string actor, IEnvChecks checks, EnvReportStore store, CancellationToken cancellationToken)
    {
        try
        {
            await checks.CheckAsync(host.NodeId, host.Project, actor, cancellationToken);
            var stored = await store.ListAsync(host.Project.Name, host.NodeId, cancellationToken);
            return View(host.NodeId, true, stored[0]);
        }
        catch (EnvCheckFailedException ex)
        {
            return new EnvNodeReport(host.NodeId, true, null, null, null, [], ex.Code, ex.Message);
        }
        catch (CommandRejectedException ex)
        {
            return new EnvNodeReport(host.NodeId, true, null, null, null, [], ex.Code, ex.Message);
        }
    }

    public static EnvNodeReport View(string nodeId, bool online, StoredEnvReport report) =>
        new(nodeId, online, report.Report.Verdict, report.CheckedAt, report.CheckedBy,
            [.. report.Report.Items.Select(i => new EnvItemView(i.Id, i.Kind, i.Expected, i.Actual, i.Verdict, i.Fix, i.Detail))]);
}
