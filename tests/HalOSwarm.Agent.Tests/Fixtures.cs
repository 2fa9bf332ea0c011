using System.Text.Json;
using HalOSwarm.Agent.Runtimes.OpenCode;

namespace HalOSwarm.Agent.Tests;

/// <summary>The recorded opencode output copied into Fixtures/.</summary>
internal static class Fixtures
{
    public const string Directory = "/home/dev/lab/oc-proj";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<List<JsonElement>> ReadSseAsync(string name)
    {
        await using var stream = File.OpenRead(PathOf(name));
        var items = new List<JsonElement>();
        await foreach (var item in SseReader.ReadAsync(stream, CancellationToken.None))
        {
            items.Add(item);
        }
        return items;
    }
}
