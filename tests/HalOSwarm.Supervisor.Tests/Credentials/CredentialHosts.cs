using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Credentials;

/// <summary>Supervisors with a credentials key file (0600, 32 random bytes in base64), and helpers for the credentials API.</summary>
internal static class CredentialHosts
{
    /// <summary>
    /// A supervisor with the inline key <paramref name="key"/> (a random one when null; none when <paramref name="withKey"/>
    /// is false), in a fresh folder or in <paramref name="reuse"/> (which its owner disposes). The integration test covers
    /// <c>key_file</c>.
    /// </summary>
    public static Task<SupervisorHost> StartAsync(bool withKey = true, TempDirectory? reuse = null, string? key = null) =>
        SupervisorHost.StartAsync(c =>
        {
            c["commands"] = new JsonObject { ["retry_backoff_ms"] = 50 };
            if (withKey)
            {
                c["credentials"] = new JsonObject { ["key"] = key ?? NewKey() };
            }
        }, reuse);

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static void WriteKey(string path, UnixFileMode mode)
    {
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public static async Task<TestAgent> ConnectAsync(SupervisorHost host, string nodeId)
    {
        var agent = await TestAgent.OpenAsync(host, nodeId);
        await agent.SendHelloAsync();
        await agent.ReceiveAsync(MessageTypes.Welcome);
        return agent;
    }

    public static async Task<(int Status, JsonElement Body, string Text)> PushAsync(this HttpClient client, object body, string path = "/api/v1/credentials/push?wait=0")
    {
        using var response = await client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>
    /// Everything the supervisor's database holds, as text, to look for a secret in: on SQLite every byte of its files (main,
    /// WAL); on PostgreSQL every row of every table, as the server prints it.
    /// </summary>
    public static async Task<string> DatabaseTextAsync(SupervisorHost host)
    {
        if (host.Postgres is null)
        {
            return string.Concat(new[] { host.DatabasePath, host.DatabasePath + "-wal" }.Where(File.Exists).Select(p =>
            {
                using var stream = new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                return reader.ReadToEnd();
            }));
        }
        await using var connection = await host.OpenDatabaseAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var names = await list.ExecuteReaderAsync();
            while (await names.ReadAsync())
            {
                tables.Add(names.GetString(0));
            }
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT CAST(t AS TEXT) FROM \"{table}\" t";
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        return text.ToString();
    }
}
