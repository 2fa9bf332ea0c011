using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>What the command endpoints need, injected as one service.</summary>
internal sealed record CommandContext(AgentRegistry Registry, CommandDispatcher Dispatcher, SessionQueries Sessions);
