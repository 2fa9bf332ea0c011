using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Serializers of the budget events' data (fields left out when they do not apply).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BudgetEventData))]
internal sealed partial class BudgetEventJsonContext : JsonSerializerContext;
