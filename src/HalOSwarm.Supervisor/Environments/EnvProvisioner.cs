using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Provisions a project's environment on a node from a check report: the safe fixes of what is absent (AGENT.md, the
/// <c>.context/</c> scaffold, docs and hooks with templates) are applied at once; a file that differs from its template
/// is left alone (that is drift, fixed by an explicit sync); every tool with an install command that is missing or too
/// old becomes a pending proposal. After applying, the project is checked again and <c>env.provisioned</c> recorded.
/// A dry run asks the agent what it would do and stores nothing.
/// </summary>
internal sealed class EnvProvisioner(IEnvChecks checks, IEnvManifests manifests, EnvApplyRunner applier, EnvProposalStore proposals,
    ISupervisorEvents events, IAuditLog audit, TimeProvider timeProvider)
{
    public const string AutoActor = "env:auto_provision";

    /// <summary>Whether provisioning has anything to do for this report.</summary>
    public static bool HasWork(EnvCheckReport report) => report.Items.Any(r => NeedsSafeFix(r) || NeedsInstall(r));

    /// <summary>
    /// <paramref name="report"/>: the check that just ran (automatic round), or null to check now. <paramref name="auto"/>: an
    /// item whose same command was rejected before is not proposed again (an operator's explicit provision does).
    /// </summary>
    public async Task<EnvProvisionResult> ProvisionAsync(string nodeId, ProjectInfo project, EnvCheckReport? report, bool dryRun, bool auto, string actor,
        CancellationToken cancellationToken)
    {
        report ??= await EnvProvisionScope.RunAsync(() => checks.CheckAsync(nodeId, project, actor, cancellationToken));
        var items = Compile(nodeId, project).Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var safe = report.Items.Where(NeedsSafeFix).Select(r => items.GetValueOrDefault(r.Id)).OfType<EnvItem>().ToList();
        var applied = safe.Count == 0 ? [] : await applier.ApplyAsync(nodeId, project.Name, safe, dryRun, actor, cancellationToken);
        var proposed = new List<EnvProposal>();
        foreach (var finding in report.Items.Where(NeedsInstall))
        {
            if (items.GetValueOrDefault(finding.Id) is { Install: { } command } && await ProposeAsync(nodeId, project.Name, finding, command, dryRun, auto, actor,
                cancellationToken) is { } proposal)
            {
                proposed.Add(proposal);
            }
        }
        string? after = null;
        if (!dryRun && applied.Any(a => a.Outcome == EnvApplyOutcomes.Applied))
        {
            after = await RecheckAsync(nodeId, project, actor, cancellationToken);
            await events.RecordAsync(EventTypes.EnvProvisioned, nodeId, null, new EnvProvisionedData(nodeId, project.Name, actor, applied, after),
                EnvProvisionJsonContext.Default.EnvProvisionedData, cancellationToken);
        }
        if (!auto || applied.Count > 0)
        {
            await AuditAsync(actor, dryRun ? "env.provision.dry_run" : "env.provision", nodeId, project.Name,
                new EnvAuditArgs { Items = [.. applied.Select(a => $"{a.Id}: {a.Outcome}")], Proposals = [.. proposed.Select(p => $"{p.ItemId}: {p.Command}")] },
                applied.Any(a => a.Outcome == EnvApplyOutcomes.Failed) ? "failed" : "ok", cancellationToken);
        }
        return new EnvProvisionResult
        {
            NodeId = nodeId, Project = project.Name, DryRun = dryRun, VerdictBefore = report.Verdict, VerdictAfter = after,
            Applied = applied, Proposals = proposed,
        };
    }

    /// <summary>Checks again after a change; null when the check could not run (the change stands either way).</summary>
    public async Task<EnvCheckReport?> RecheckReportAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken)
    {
        try
        {
            return await EnvProvisionScope.RunAsync(() => checks.CheckAsync(nodeId, project, actor, cancellationToken));
        }
        catch (Exception ex) when (ex is EnvCheckFailedException or Commands.CommandRejectedException)
        {
            return null;
        }
    }

    public EnvManifest Compile(string nodeId, ProjectInfo project)
    {
        try
        {
            return manifests.Compile(nodeId, project);
        }
        catch (EnvTemplateException ex)
        {
            throw new EnvRequestException("invalid_manifest", ex.Message);
        }
    }

    public Task AuditAsync(string actor, string action, string nodeId, string project, EnvAuditArgs args, string result, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(actor, action, $"{nodeId}/{project}", JsonSerializer.SerializeToElement(args, EnvProvisionJsonContext.Default.EnvAuditArgs),
            result), cancellationToken);

    private async Task<string?> RecheckAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken) =>
        (await RecheckReportAsync(nodeId, project, actor, cancellationToken))?.Verdict;

    private async Task<EnvProposal?> ProposeAsync(string nodeId, string project, EnvItemResult finding, string command, bool dryRun, bool auto, string actor,
        CancellationToken cancellationToken)
    {
        var detail = finding.Detail ?? $"{finding.Actual} (wanted {finding.Expected})";
        var proposal = new EnvProposal
        {
            Id = dryRun ? "" : "envp_" + Guid.NewGuid().ToString("N")[..16],
            NodeId = nodeId, Project = project, ItemId = finding.Id, Command = command,
            State = dryRun ? EnvProvisionResult.WouldPropose : EnvProposalStates.Pending,
            Detail = detail.Length > 512 ? detail[..512] : detail,
            ProposedAt = timeProvider.GetUtcNow(), ProposedBy = actor,
        };
        var earlier = await proposals.ForItemAsync(nodeId, project, finding.Id, cancellationToken);
        if (earlier.FirstOrDefault(p => p.State is EnvProposalStates.Pending or EnvProposalStates.Approved) is { } open)
        {
            return open;
        }
        if (auto && earlier.Any(p => p.State == EnvProposalStates.Rejected && p.Command == command))
        {
            return null;
        }
        if (dryRun)
        {
            return proposal;
        }
        if (!await proposals.InsertAsync(proposal, cancellationToken))
        {
            return await proposals.ForItemAsync(nodeId, project, finding.Id, cancellationToken) is [var first, ..] ? first : null;
        }
        await events.RecordAsync(EventTypes.EnvProposal, nodeId, null,
            new EnvProposalData(proposal.Id, nodeId, project, finding.Id, command, actor, proposal.Detail), EnvProvisionJsonContext.Default.EnvProposalData,
            cancellationToken);
        await AuditAsync(actor, "env.propose", nodeId, project, new EnvAuditArgs { Item = finding.Id, Command = command, ProposalId = proposal.Id }, "ok",
            cancellationToken);
        return proposal;
    }

    /// <summary>A file, directory or hook that is absent and that hal can write (a changed one is drift: sync fixes it).</summary>
    private static bool NeedsSafeFix(EnvItemResult r) =>
        r.Fix == EnvFixes.Safe && r.Verdict != EnvVerdicts.Ready && r.ActualContent is null && r.Actual == "absent";

    private static bool NeedsInstall(EnvItemResult r) => r.Fix == EnvFixes.Approval && r.Verdict != EnvVerdicts.Ready;
}
