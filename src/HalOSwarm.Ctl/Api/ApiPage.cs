using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>
/// One successful response: <see cref="Value"/> for tables, <see cref="Data"/> (the envelope's raw
/// <c>data</c>) for JSON output, so scripts see every field the server sent.
/// </summary>
internal sealed record ApiPage<T>(T Value, JsonElement Data, string? NextCursor);
