namespace HalOSwarm.Ctl.Api;

/// <summary>A proposed install: the exact command, its state (pending, approved, rejected, applied, failed; would_propose in a dry run), who decided, the output tail.</summary>
internal sealed record EnvProposalDto(
    string Id,
    string NodeId,
    string Project,
    string ItemId,
    string Command,
    string State,
    string? Detail,
    DateTimeOffset? ProposedAt,
    string? ProposedBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    DateTimeOffset? FinishedAt,
    string? Output);
