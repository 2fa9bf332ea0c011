using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Commands;

/// <summary>
/// A feature's own commands (environments, tool auth, credentials), registered with
/// <see cref="CommandExtensions.AddAgentCommand{T}"/>. The executor hands it every command whose type is in
/// <see cref="Types"/>, with the deadline armed: <paramref name="project"/> is the hosted project for a type that
/// targets a project (<see cref="CommandTypes.TargetsProject"/>; unknown projects are refused before), null for a
/// node-wide type. Failures are reported by throwing <see cref="Runtimes.RuntimeCommandException"/>.
/// </summary>
internal interface IAgentCommand
{
    IReadOnlyCollection<string> Types { get; }

    Task<JsonElement?> ExecuteAsync(CommandRequest command, ProjectOptions? project, CancellationToken cancellationToken);
}
