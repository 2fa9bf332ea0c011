using DiffPlex.Renderer;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// <c>/api/v1/env/{project}/agents-md[/diff]</c>: the project's AGENT.md as its template renders it for a node, and a
/// unified diff from the node's file (its latest check; a check now when there is none) to that text.
/// </summary>
internal static class EnvAgentsMdApi
{
    public static IEndpointRouteBuilder MapEnvAgentsMdApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/env/{project}/agents-md", ShowAsync);
        endpoints.MapGet("/env/{project}/agents-md/diff", DiffAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string project, HttpRequest request, EnvHosts hosts, IEnvManifests manifests,
        IOptions<EnvironmentsOptions> options, CancellationToken cancellationToken)
    {
        var (target, error) = await ResolveAsync(project, request, hosts, manifests, options, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var (host, path, content) = target!.Value;
        return ApiResults.Ok(new EnvAgentsMdView(project, host.NodeId, path, content), EnvironmentsJsonContext.Default.ApiEnvelopeEnvAgentsMdView);
    }

    private static async Task<IResult> DiffAsync(string project, HttpRequest request, EnvHosts hosts, IEnvManifests manifests, IEnvChecks checks,
        EnvReportStore store, IOptions<EnvironmentsOptions> options, CancellationToken cancellationToken)
    {
        if (ApiCaller.Actor(request, out var actorError) is not { } actor)
        {
            return ApiErrors.Invalid([new FieldError(ApiCaller.ActorHeader, actorError!)]);
        }
        var (target, error) = await ResolveAsync(project, request, hosts, manifests, options, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var (host, path, content) = target!.Value;
        var itemId = "file:" + path;
        var found = await store.ListAsync(project, host.NodeId, cancellationToken);
        var stored = found.Count > 0 ? found[0] : null;
        if (stored?.Report.Items.FirstOrDefault(i => i.Id == itemId) is null)
        {
            if (!host.Online)
            {
                return ApiErrors.NodeOffline($"node '{host.NodeId}' is offline and has no check of '{project}' to compare with");
            }
            try
            {
                await checks.CheckAsync(host.NodeId, host.Project, actor, cancellationToken);
            }
            catch (Exception ex) when (ex is EnvCheckFailedException or CommandRejectedException)
            {
                return ApiErrors.Error(StatusCodes.Status502BadGateway, $"the check of '{project}' on '{host.NodeId}' failed: {ex.Message}", "check_failed");
            }
            stored = (await store.ListAsync(project, host.NodeId, cancellationToken))[0];
        }
        var item = stored.Report.Items.First(i => i.Id == itemId);
        var (state, diff) = item.Verdict == EnvVerdicts.Ready ? ("same", "")
            : item.Actual == "absent" ? ("absent", Unified("", content, "/dev/null", "b/" + path))
            : ("changed", Unified(item.ActualContent ?? "", content, "a/" + path, "b/" + path));
        return ApiResults.Ok(new EnvAgentsMdDiff(project, host.NodeId, path, state, stored.CheckedAt, diff), EnvironmentsJsonContext.Default.ApiEnvelopeEnvAgentsMdDiff);
    }

    private static string Unified(string node, string template, string from, string to) =>
        new UnidiffRenderer(contextLines: 3).Generate(node, template, from, to, ignoreWhitespace: false);

    /// <summary>The node (the only host when the query names none), the AGENT.md path and the rendered text, or the error.</summary>
    private static async Task<((EnvHost Host, string Path, string Content)? Target, IResult? Error)> ResolveAsync(string project, HttpRequest request,
        EnvHosts hosts, IEnvManifests manifests, IOptions<EnvironmentsOptions> options, CancellationToken cancellationToken)
    {
        var nodeId = new QueryReader(request.Query).String("node_id");
        var (found, error) = await hosts.OfAsync(project, nodeId, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }
        var agentsMd = manifests.Covers(project)
            ? EnvManifests.Merge(options.Value.Default, options.Value.Projects.GetValueOrDefault(project)).AgentsMd
            : null;
        if (agentsMd is null)
        {
            return (null, ApiErrors.NotFound($"the manifest of project '{project}' has no AGENT.md (environments agents_md)"));
        }
        if (found.Count == 0)
        {
            return (null, ApiErrors.Error(StatusCodes.Status409Conflict, $"no node hosts project '{project}'", "not_hosted"));
        }
        if (found.Count > 1)
        {
            return (null, ApiErrors.Invalid([new FieldError("node_id",
                $"project '{project}' is hosted by {found.Count} nodes ({string.Join(", ", found.Select(h => h.NodeId))}): name one")]));
        }
        var host = found[0];
        var path = agentsMd.Path ?? "AGENT.md";
        try
        {
            var item = manifests.Compile(host.NodeId, host.Project).Items.First(i => i.Id == "file:" + path);
            return ((host, path, item.Content ?? ""), null);
        }
        catch (EnvTemplateException ex)
        {
            return (null, ApiErrors.Error(StatusCodes.Status409Conflict, ex.Message, "invalid_manifest"));
        }
    }
}
