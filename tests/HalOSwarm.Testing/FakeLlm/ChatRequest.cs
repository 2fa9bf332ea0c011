using System.Text.Json;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>A request the fake server received, kept for assertions.</summary>
public sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, bool HasTools, JsonElement Body)
{
    /// <summary>The text of the last user message, or "".</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";

    /// <summary>
    /// True for the client's own side requests (a session title, a summary) rather than a turn of the
    /// conversation: those come without tools.
    /// </summary>
    public bool IsAuxiliary => !HasTools;
}

public sealed record ChatMessage(string Role, string Text);
