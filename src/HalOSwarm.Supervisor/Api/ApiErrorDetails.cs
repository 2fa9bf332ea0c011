using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Api;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
internal sealed record ApiErrorDetails
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FieldError>? Errors { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Components { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommandDto? Command { get; init; }
}
