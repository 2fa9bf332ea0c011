using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

internal static class SlackJson
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON as text with its characters unescaped (— rather than \u2014), to search what Slack would show.</summary>
    public static string Text(JsonNode node) => node.ToJsonString(s_readable);
}
