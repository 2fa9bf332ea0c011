using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>
/// A session appeared. <see cref="Adopted"/>: it was not started by hal-agent but brought under
/// supervision while it ran. <see cref="Worktree"/>/<see cref="Branch"/>: the isolated git worktree the
/// session works in, when it was started with one.
/// </summary>
public sealed record SessionCreatedData(
    string Project,
    string Runtime,
    string? Directory,
    string? Title,
    string? Model,
    string? ParentSessionId = null,
    JsonElement? Raw = null,
    bool Adopted = false,
    string? Worktree = null,
    string? Branch = null);
