namespace HalOSwarm.Supervisor.Hosting;

/// <summary>Endpoint metadata: the Content-Security-Policy this endpoint's responses carry instead of the API's.</summary>
internal sealed record PageContentSecurityPolicy(string Value);
