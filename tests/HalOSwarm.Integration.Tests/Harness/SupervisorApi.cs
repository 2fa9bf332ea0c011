using System.Diagnostics;
using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>Reads of a supervisor's HTTP API and runs of the built halctl, shared by the harnesses.</summary>
internal static class SupervisorApi
{
    /// <summary>GET <paramref name="path"/> → its <c>data</c>; any other status throws with the body.</summary>
    public static async Task<JsonElement> GetDataAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} → {(int)response.StatusCode}: {body}");
        }
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("data").Clone();
    }

    /// <summary>All events matching <paramref name="query"/> (follows cursors), oldest first.</summary>
    public static async Task<List<JsonElement>> GetEventsAsync(HttpClient api, string query)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = $"api/v1/events?{query}&limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await api.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {url} → {(int)response.StatusCode}: {body}");
            }
            using var doc = JsonDocument.Parse(body);
            all.AddRange(doc.RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone()));
            cursor = doc.RootElement.TryGetProperty("meta", out var meta) && meta.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Runs the built halctl with <paramref name="args"/>; gives up after <paramref name="timeout"/>.</summary>
    public static async Task<CtlResult> HalctlAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(TestProcess.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.Ctl }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return new CtlResult(process.ExitCode, await stdout, await stderr);
    }
}
