using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>Builds event data; a native event too large to ride along is dropped from <c>raw</c>.</summary>
internal static class EventData
{
    public const int MaxDataChars = 64 * 1024;

    public static PendingEvent Create<T>(string type, string? sessionId, T data, JsonTypeInfo<T> typeInfo, string? onceKey = null) =>
        new(type, sessionId, ToElement(data, typeInfo), onceKey);

    public static JsonElement ToElement<T>(T data, JsonTypeInfo<T> typeInfo)
    {
        var element = ProtocolCodec.ToElement(data, typeInfo);
        if (element.GetRawText().Length <= MaxDataChars || JsonNode.Parse(element.GetRawText()) is not JsonObject node)
        {
            return element;
        }
        node.Remove("raw");
        node["raw_omitted"] = true;
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
