namespace HalOSwarm.Protocol.Events;

/// <summary><see cref="Detail"/> is the line of the progress file that marked the project done.</summary>
public sealed record ProjectDoneData(string Project, string Source, string? Detail);
