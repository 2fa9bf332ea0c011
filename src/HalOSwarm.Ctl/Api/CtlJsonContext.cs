using System.Text.Json;
using System.Text.Json.Serialization;

namespace HalOSwarm.Ctl.Api;

/// <summary>Source-generated serializers for the HTTP API: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(NodeDto))]
[JsonSerializable(typeof(IReadOnlyList<NodeDto>))]
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(IReadOnlyList<SessionDto>))]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
[JsonSerializable(typeof(CommandDto))]
[JsonSerializable(typeof(IReadOnlyList<CommandDto>))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntryDto>))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(StartSessionRequest))]
[JsonSerializable(typeof(PromptRequest))]
[JsonSerializable(typeof(AdoptRequest))]
[JsonSerializable(typeof(ApprovalDto))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalDto>))]
[JsonSerializable(typeof(ApproveRequest))]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(IReadOnlyList<TokenDto>))]
[JsonSerializable(typeof(IssuedTokenDto))]
[JsonSerializable(typeof(TokenCreateRequest))]
[JsonSerializable(typeof(CostReportDto))]
[JsonSerializable(typeof(BudgetDto))]
[JsonSerializable(typeof(IReadOnlyList<BudgetDto>))]
[JsonSerializable(typeof(BudgetRequest))]
[JsonSerializable(typeof(ChannelsOverviewDto))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryDto>))]
[JsonSerializable(typeof(SignInLinkDto))]
[JsonSerializable(typeof(IReadOnlyList<SearchHitDto>))]
[JsonSerializable(typeof(IReadOnlyList<CharterDto>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CtlJsonContext : JsonSerializerContext;
