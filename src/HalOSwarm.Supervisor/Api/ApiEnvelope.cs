namespace HalOSwarm.Supervisor.Api;

/// <summary>Every success: <c>{"data": …, "meta": {…}}</c>.</summary>
internal sealed record ApiEnvelope<T>(T Data, ApiMeta Meta);
