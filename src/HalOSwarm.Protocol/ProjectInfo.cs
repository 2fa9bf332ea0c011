namespace HalOSwarm.Protocol;

/// <summary>A project the agent hosts: a name unique on the node and its working directory.</summary>
public sealed record ProjectInfo(string Name, string Directory);
