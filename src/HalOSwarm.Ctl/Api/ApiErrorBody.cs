using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>The error envelope: <c>{error, code, details?}</c>.</summary>
internal sealed record ApiErrorBody(string? Error, string? Code, JsonElement? Details);
