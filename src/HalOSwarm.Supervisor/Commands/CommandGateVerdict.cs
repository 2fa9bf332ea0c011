namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// What a <see cref="ICommandGate"/> decided: <see cref="Hold"/> stores the command as <c>held</c> with
/// <see cref="Reason"/> as its error; otherwise the command is refused with <see cref="Code"/> (an API error code) and
/// <see cref="Reason"/>.
/// </summary>
internal sealed record CommandGateVerdict(bool Hold, string Code, string Reason);
