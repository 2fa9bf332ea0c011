using System.Text.Json.Serialization;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Report;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(SupervisorConfigFile))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
