using System.Net.Http.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/budgets</c>: list (viewer), set, delete and lift (admin).</summary>
internal sealed partial class SupervisorClient
{
    public Task<ApiPage<IReadOnlyList<BudgetDto>>> ListBudgetsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/budgets", null, CtlJsonContext.Default.IReadOnlyListBudgetDto, null, cancellationToken);

    /// <summary>Creates or replaces budget <paramref name="name"/>.</summary>
    public Task<ApiPage<BudgetDto>> SetBudgetAsync(string name, BudgetRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"api/v1/budgets/{Escape(name)}", JsonContent.Create(request, CtlJsonContext.Default.BudgetRequest),
            CtlJsonContext.Default.BudgetDto, null, cancellationToken);

    public Task<ApiPage<BudgetDto>> DeleteBudgetAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/v1/budgets/{Escape(name)}", null, CtlJsonContext.Default.BudgetDto, null, cancellationToken);

    /// <summary>Lifts the budget's block, pause or kill until its window resets.</summary>
    public Task<ApiPage<BudgetDto>> LiftBudgetAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/budgets/{Escape(name)}/lift", null, CtlJsonContext.Default.BudgetDto, null, cancellationToken);
}
