using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// A command's answer, before a platform renders it: a title, plain text, short facts, and a preformatted block
/// (a table, log lines) shown in monospace. <see cref="Ephemeral"/> answers only the caller where the platform can.
/// <see cref="Refused"/> marks a refusal (no role, unknown command, bad arguments). Renderers cut to their platform's
/// limits and escape the text.
/// </summary>
internal sealed record ChatReply(
    string Text,
    string? Title = null,
    IReadOnlyList<AlertField>? Fields = null,
    string? Preformatted = null,
    bool Ephemeral = false,
    bool Refused = false);
