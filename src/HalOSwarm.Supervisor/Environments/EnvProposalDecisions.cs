using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// An operator's answer to a proposal. Only a pending proposal can be decided (approving twice, or approving a rejected
/// one, is a conflict). Rejecting only records the decision. Approving runs the stored command on the node (only while it
/// is online), records applied or failed with the output tail, checks again and records <c>env.provisioned</c>.
/// </summary>
internal sealed class EnvProposalDecisions(EnvProposalStore proposals, EnvProvisionTargets targets, EnvProvisioner provisioner, EnvApplyRunner applier,
    ISupervisorEvents events, TimeProvider timeProvider)
{
    private const int MaxOutputChars = 4200;

    public async Task<EnvDecisionResult> RejectAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var proposal = await PendingAsync(id, "reject", cancellationToken);
        await DecideAsync(proposal, EnvProposalStates.Rejected, actor, cancellationToken);
        await provisioner.AuditAsync(actor, "env.reject", proposal.NodeId, proposal.Project,
            new EnvAuditArgs { Item = proposal.ItemId, Command = proposal.Command, ProposalId = id }, "ok", cancellationToken);
        return new EnvDecisionResult((await proposals.GetAsync(id, cancellationToken))!);
    }

    public async Task<EnvDecisionResult> ApproveAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var proposal = await PendingAsync(id, "approve", cancellationToken);
        var project = await targets.OnlineAsync(proposal.NodeId, proposal.Project, cancellationToken);
        await DecideAsync(proposal, EnvProposalStates.Approved, actor, cancellationToken);
        await provisioner.AuditAsync(actor, "env.approve", proposal.NodeId, proposal.Project,
            new EnvAuditArgs { Item = proposal.ItemId, Command = proposal.Command, ProposalId = id }, "ok", cancellationToken);

        // The stored command is what the operator approved: it runs as it is, whatever the manifest says now.
        var manifestItem = provisioner.Compile(proposal.NodeId, project).Items.FirstOrDefault(i => i.Id == proposal.ItemId);
        var item = (manifestItem ?? new EnvItem(proposal.ItemId, EnvItemKinds.Tool, proposal.ItemId.Split(':', 2)[^1])) with { Install = proposal.Command };
        var result = (await applier.ApplyAsync(proposal.NodeId, proposal.Project, [item], dryRun: false, actor, cancellationToken))[0];
        var state = result.Outcome == EnvApplyOutcomes.Applied ? EnvProposalStates.Applied : EnvProposalStates.Failed;
        var output = result.Detail is { Length: > MaxOutputChars } text ? "…" + text[^MaxOutputChars..] : result.Detail;
        await proposals.TransitionAsync(new EnvProposalTransition(id, EnvProposalStates.Approved, state, timeProvider.GetUtcNow(), Output: output),
            cancellationToken);
        await provisioner.AuditAsync(actor, "env.install", proposal.NodeId, proposal.Project,
            new EnvAuditArgs { Item = proposal.ItemId, Command = proposal.Command, ProposalId = id, Output = output }, state == EnvProposalStates.Applied ? "ok" : "failed",
            cancellationToken);

        var report = await provisioner.RecheckReportAsync(proposal.NodeId, project, actor, cancellationToken);
        await events.RecordAsync(EventTypes.EnvProvisioned, proposal.NodeId, null,
            new EnvProvisionedData(proposal.NodeId, proposal.Project, actor, [result with { Detail = output }], report?.Verdict, id),
            EnvProvisionJsonContext.Default.EnvProvisionedData, cancellationToken);
        var itemVerdict = report?.Items.FirstOrDefault(i => i.Id == proposal.ItemId)?.Verdict;
        return new EnvDecisionResult((await proposals.GetAsync(id, cancellationToken))!, itemVerdict, report?.Verdict);
    }

    private async Task<EnvProposal> PendingAsync(string id, string verb, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(id, cancellationToken) ?? throw new EnvRequestException("not_found", $"no proposal '{id}'");
        return proposal.State == EnvProposalStates.Pending
            ? proposal
            : throw new EnvRequestException("conflict", $"proposal {id} is {proposal.State}{By(proposal)}: only a pending proposal can be {verb}d");
    }

    private async Task DecideAsync(EnvProposal proposal, string state, string actor, CancellationToken cancellationToken)
    {
        if (!await proposals.TransitionAsync(new EnvProposalTransition(proposal.Id, EnvProposalStates.Pending, state, timeProvider.GetUtcNow(), By: actor),
            cancellationToken))
        {
            var now = await proposals.GetAsync(proposal.Id, cancellationToken);
            throw new EnvRequestException("conflict", $"proposal {proposal.Id} was decided meanwhile: it is {now?.State}{(now is null ? "" : By(now))}");
        }
    }

    private static string By(EnvProposal p) => p.DecidedBy is null ? "" : $" (by {p.DecidedBy})";
}
