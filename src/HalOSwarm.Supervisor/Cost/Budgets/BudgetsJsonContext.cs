using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Cost.Forecast;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>The budgets API's serializers (the API's settings) and the budget events' data.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<BudgetView>>))]
[JsonSerializable(typeof(ApiEnvelope<BudgetView>))]
[JsonSerializable(typeof(ApiEnvelope<CostForecastSnapshot>))]
[JsonSerializable(typeof(BudgetRequest))]
internal sealed partial class BudgetsJsonContext : JsonSerializerContext;
