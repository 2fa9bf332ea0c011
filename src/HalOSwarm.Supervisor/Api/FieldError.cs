namespace HalOSwarm.Supervisor.Api;

internal sealed record FieldError(string Field, string Message);
