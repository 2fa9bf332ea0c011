using System.Security.Claims;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>Who opened a client socket, as the upgrade request authenticated it: commands run and are audited as <see cref="Actor"/>.</summary>
internal sealed record ClientCaller(ClaimsPrincipal User, string Actor, string Role, string? SourceAddress);
