using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Configuration;

/// <summary>The node id: generated once, kept in <c>state_dir/node-id</c>, the same across restarts.</summary>
internal sealed class NodeIdentity
{
    public const string FileName = "node-id";

    public NodeIdentity(string nodeId, string hostname)
    {
        NodeId = nodeId;
        Hostname = hostname;
    }

    public string NodeId { get; }

    public string Hostname { get; }

    public static string LoadOrCreate(string stateDir)
    {
        Directory.CreateDirectory(stateDir);
        var path = Path.Combine(stateDir, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                // The supervisor refuses a hello with any other id; say so here, where it can be fixed.
                return ProtocolLimits.NodeIdProblem(existing) is { } problem
                    ? throw new InvalidOperationException($"{path}: {problem} (was '{existing}')")
                    : existing;
            }
        }
        var id = Guid.NewGuid().ToString("N");
        // Write-then-rename so a crash never leaves a half-written id behind.
        var temp = path + ".tmp";
        File.WriteAllText(temp, id + "\n");
        File.Move(temp, path, overwrite: true);
        return id;
    }
}
