using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Carries out a budget at 100 %: <c>pause</c> aborts the running turns of its sessions, <c>kill</c> kills its sessions
/// (non-critical ones first, most expensive first; those of <c>cost.critical_projects</c> only from
/// <see cref="BudgetActions.CriticalKillPercent"/> %). Like the policies, every command goes through the command service as
/// <c>policy:budget/NAME</c> (audited there) with an idempotency key per budget, window and session, so each session is
/// acted on once per window even across restarts; each act is recorded as a <c>cost.budget</c> event with its reason, and
/// the start of the enforcement once per window as a <c>budget.enforce</c> audit entry and event. Sessions outside the
/// budget's scope are never touched.
/// </summary>
internal sealed partial class BudgetEnforcer(
    BudgetScopes scopes, ICommandService commands, BudgetMarks marks, ISupervisorEvents events, IAuditLog audit, IOptions<CostOptions> options,
    ILogger<BudgetEnforcer> logger)
{
    private static readonly JsonElement s_noArgs = JsonDocument.Parse("{}").RootElement.Clone();

    // The command each key named in this process: a pass re-sends only when that one failed (its key is free again).
    // Bounded: once forgotten, a key's command is found again by its idempotency key (and not reported twice).
    private const int MaxRemembered = 10_000;
    private readonly Dictionary<string, string> _sent = new(StringComparer.Ordinal);

    public static string Actor(string budget) => "policy:budget/" + budget;

    public async Task EnforceAsync(BudgetReading reading, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var budget = reading.Budget;
        var facts = BudgetEventData.Of(reading) with { Decision = "enforce", Reason = reading.Reason };
        if (await marks.RecordAsync(reading, "action", 100, now, BudgetEventTypes.Action, facts, cancellationToken))
        {
            LogEnforcing(logger, budget.Name, budget.Action, reading.Reason);
            await audit.RecordAsync(new AuditEntry(Actor(budget.Name), "budget.enforce", budget.Name, Args(reading), "ok"), cancellationToken);
        }
        if (budget.Action is not (BudgetActions.Pause or BudgetActions.Kill))
        {
            return;
        }
        var critical = options.Value.CriticalProjects;
        var sessions = (await scopes.LiveSessionsAsync(budget.Scope, cancellationToken))
            .Select(s => (Session: s, Critical: s.Project is not null && critical.Contains(s.Project, StringComparer.Ordinal)))
            .OrderBy(s => s.Critical)
            .ThenByDescending(s => s.Session.CostUsd)
            .ToList();
        foreach (var (session, isCritical) in sessions)
        {
            var type = budget.Action == BudgetActions.Pause ? CommandTypes.Abort : CommandTypes.Kill;
            if ((type == CommandTypes.Abort && !session.IsBusy) || (type == CommandTypes.Kill && isCritical && reading.Percent < BudgetActions.CriticalKillPercent))
            {
                continue;
            }
            await ActAsync(reading, session, type, isCritical, now, cancellationToken);
        }
    }

    private async Task ActAsync(BudgetReading reading, PolicySession session, string type, bool critical, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var budget = reading.Budget;
        var reason = type == CommandTypes.Abort
            ? $"{reading.Reason}; its running turns are aborted and prompts held"
            : critical ? $"{reading.Reason}; {decimal.Round(reading.Percent, 1)} % is past {BudgetActions.CriticalKillPercent} %, so critical projects' sessions are killed too"
            : $"{reading.Reason}; its sessions are killed";
        var data = BudgetEventData.Of(reading) with { Decision = type, Reason = reason, Project = session.Project, Critical = critical };
        var key = Key($"budget:{budget.Name}:{LedgerKeys.Day(reading.First)}:{type}:{session.SessionId}");
        if (_sent.TryGetValue(key, out var sentId) && await commands.GetAsync(sentId, cancellationToken) is { } sent && !CommandStates.ReleasesKey(sent.State))
        {
            return;
        }
        try
        {
            var command = await commands.SubmitAsync(new CommandSubmission(type, session.SessionId, null, null, s_noArgs, Actor(budget.Name), key), cancellationToken);
            var replayed = command.CommandId == sentId || command.CreatedAt < now;
            if (_sent.Count >= MaxRemembered)
            {
                _sent.Clear();
            }
            _sent[key] = command.CommandId;
            if (replayed)
            {
                return; // sent by an earlier run: its event is recorded
            }
            LogActed(logger, budget.Name, type, session.SessionId, command.CommandId, reason);
            await events.RecordAsync(BudgetEventTypes.Action, session.NodeId, session.SessionId, data with { CommandId = command.CommandId },
                BudgetEventJsonContext.Default.BudgetEventData, cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            LogRefused(logger, budget.Name, type, session.SessionId, ex.Message);
        }
    }

    /// <summary>The key as it is, or (past the 200-character limit) its SHA-256.</summary>
    private static string Key(string key) =>
        key.Length <= SubmissionCheck.MaxIdempotencyKeyChars ? key : "budget:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static JsonElement Args(BudgetReading reading) =>
        JsonSerializer.SerializeToElement(BudgetEventData.Of(reading) with { Reason = reading.Reason }, BudgetEventJsonContext.Default.BudgetEventData);
}
