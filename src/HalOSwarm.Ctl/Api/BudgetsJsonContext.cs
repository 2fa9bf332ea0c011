using System.Text.Json.Serialization;

namespace HalOSwarm.Ctl.Api;

/// <summary>Serializers for the budgets API, with the settings of <see cref="CtlJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BudgetDto))]
[JsonSerializable(typeof(IReadOnlyList<BudgetDto>))]
[JsonSerializable(typeof(BudgetRequest))]
internal sealed partial class BudgetsJsonContext : JsonSerializerContext;
