using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Cost.Forecast;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// <c>/api/v1/budgets</c>: read by viewers (each budget with its window, spend, state and forecast); set, deleted and lifted
/// by admins, every change audited (<c>budget.set</c>, <c>budget.delete</c>, <c>budget.lift</c>) and applied at once.
/// </summary>
internal static class BudgetsApi
{
    public static IEndpointRouteBuilder MapBudgetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/budgets", ListAsync);
        endpoints.MapGet("/budgets/{name}", GetAsync);
        var admin = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Admin);
        admin.MapPut("/budgets/{name}", PutAsync);
        admin.MapDelete("/budgets/{name}", DeleteAsync);
        admin.MapPost("/budgets/{name}/lift", LiftAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(BudgetStore store, BudgetViews views, CancellationToken cancellationToken)
    {
        var list = new List<BudgetView>();
        foreach (var budget in store.All)
        {
            list.Add(await views.ViewAsync(budget, cancellationToken));
        }
        return ApiResults.Ok<IReadOnlyList<BudgetView>>(list, BudgetsJsonContext.Default.ApiEnvelopeIReadOnlyListBudgetView);
    }

    private static async Task<IResult> GetAsync(string name, BudgetStore store, BudgetViews views, CancellationToken cancellationToken)
    {
        if (!BudgetRules.IsName(name))
        {
            return ApiErrors.Invalid([new FieldError("name", BudgetRules.NameRule)]);
        }
        return store.Find(name) is { } budget
            ? ApiResults.Ok(await views.ViewAsync(budget, cancellationToken), BudgetsJsonContext.Default.ApiEnvelopeBudgetView)
            : ApiErrors.NotFound($"no budget '{name}'");
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, BudgetStore store, BudgetViews views, BudgetSignal signal, IAuditLog audit,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadAsync(request, BudgetsJsonContext.Default.BudgetRequest, new BudgetRequest(null, null, null, null, null, null),
            cancellationToken);
        var actor = ApiCaller.Actor(request, out var actorError);
        var errors = new List<FieldError>();
        if (error is not null)
        {
            errors.Add(new FieldError("body", error));
        }
        else
        {
            var options = new BudgetOptions
            {
                Name = name,
                Scope = body!.Scope ?? CostScope.GlobalKind,
                Window = body.Window ?? CostWindows.Daily,
                LimitUsd = body.LimitUsd,
                LimitTokens = body.LimitTokens,
                Thresholds = body.Thresholds ?? [],
                Action = body.Action ?? BudgetActions.Alert,
            };
            var found = new List<(string Key, string Message)>();
            BudgetRules.Check(options, "", found);
            errors.AddRange(found.Select(e => new FieldError(e.Key, e.Message)));
        }
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        var existed = store.Find(name) is not null;
        var budget = new Budget
        {
            Name = name,
            Scope = CostScope.Parse(body!.Scope ?? CostScope.GlobalKind)!,
            Window = body.Window ?? CostWindows.Daily,
            LimitUsd = body.LimitUsd,
            LimitTokens = body.LimitTokens,
            Thresholds = BudgetRules.Thresholds(body.Thresholds),
            Action = body.Action ?? BudgetActions.Alert,
            Source = Budget.ApiSource,
            UpdatedAt = timeProvider.GetUtcNow(),
            UpdatedBy = actor!,
        };
        await store.UpsertAsync(budget, cancellationToken);
        signal.Wake();
        await audit.RecordAsync(new AuditEntry(actor!, "budget.set", name, Args(budget), "ok", SourceAddress: ApiCaller.SourceAddress(request.HttpContext)),
            cancellationToken);
        var view = await views.ViewAsync(store.Find(name) ?? budget, cancellationToken);
        return TypedResults.Json(new ApiEnvelope<BudgetView>(view, ApiMeta.Empty), BudgetsJsonContext.Default.ApiEnvelopeBudgetView,
            statusCode: existed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, BudgetStore store, BudgetViews views, BudgetSignal signal, IAuditLog audit,
        CancellationToken cancellationToken)
    {
        if (Refusal(name, request, out var actor) is { } refusal)
        {
            return refusal;
        }
        if (store.Find(name) is not { } budget)
        {
            return ApiErrors.NotFound($"no budget '{name}'");
        }
        var view = await views.ViewAsync(budget, cancellationToken);
        await store.DeleteAsync(name, cancellationToken);
        signal.Wake();
        await audit.RecordAsync(new AuditEntry(actor!, "budget.delete", name, Args(budget), "ok", SourceAddress: ApiCaller.SourceAddress(request.HttpContext)),
            cancellationToken);
        return ApiResults.Ok(view, BudgetsJsonContext.Default.ApiEnvelopeBudgetView);
    }

    private static async Task<IResult> LiftAsync(string name, HttpRequest request, BudgetStore store, BudgetMeter meter, BudgetViews views, BudgetSignal signal,
        IAuditLog audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Refusal(name, request, out var actor) is { } refusal)
        {
            return refusal;
        }
        if (store.Find(name) is not { } budget)
        {
            return ApiErrors.NotFound($"no budget '{name}'");
        }
        var now = timeProvider.GetUtcNow();
        var reading = await meter.ReadAsync(budget, now, cancellationToken);
        if (!reading.Enforcing)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict,
                $"budget '{name}' is {reading.State} ({decimal.Round(reading.Percent, 2)} % of its limit, action {budget.Action}): there is nothing to lift", "conflict");
        }
        await store.LiftAsync(name, reading.First, now, actor!, cancellationToken);
        signal.Wake();
        await audit.RecordAsync(new AuditEntry(actor!, "budget.lift", name, Args(budget), "ok", SourceAddress: ApiCaller.SourceAddress(request.HttpContext)),
            cancellationToken);
        return ApiResults.Ok(await views.ViewAsync(store.Find(name) ?? budget, cancellationToken), BudgetsJsonContext.Default.ApiEnvelopeBudgetView);
    }

    private static IResult? Refusal(string name, HttpRequest request, out string? actor)
    {
        var errors = new List<FieldError>();
        if (!BudgetRules.IsName(name))
        {
            errors.Add(new FieldError("name", BudgetRules.NameRule));
        }
        actor = ApiCaller.Actor(request, out var actorError);
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        return errors.Count > 0 ? ApiErrors.Invalid(errors) : null;
    }

    private static JsonElement Args(Budget budget) => JsonSerializer.SerializeToElement(
        new BudgetRequest(budget.Scope.ToString(), budget.Window, budget.LimitUsd, budget.LimitTokens, [.. budget.Thresholds], budget.Action),
        BudgetsJsonContext.Default.BudgetRequest);
}
