using System.Text.Json;

namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>A Gateway payload the fake received from the bot (Identify, Heartbeat, Resume…): its op and its JSON.</summary>
public sealed record FakeDiscordGatewayFrame(int Op, string Json)
{
    public JsonElement Data => JsonDocument.Parse(Json).RootElement.GetProperty("d").Clone();
}
