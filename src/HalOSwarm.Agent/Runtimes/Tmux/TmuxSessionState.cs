using System.Text.Json;
using System.Text.Json.Serialization;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// What the agent must remember about one tmux session across its own restarts, kept in
/// <c>STATE_DIR/runtimes/tmux/SESSION/session.json</c> next to the session's piped output
/// (<c>output.log</c>). The read position in that output is the durable runtime cursor, moved with the events.
/// </summary>
internal sealed class TmuxSessionState
{
    public const string FileName = "session.json";
    public const string OutputFileName = "output.log";

    /// <summary>The tmux session name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The tmux server socket the session lives on.</summary>
    public string Socket { get; set; } = "";

    public string Project { get; set; } = "";

    public string? Directory { get; set; }

    public bool Adopted { get; set; }

    /// <summary>The git worktree made for the session (its top) and its branch, if it was started with one.</summary>
    public string? Worktree { get; set; }

    public string? Branch { get; set; }

    /// <summary>The first prompt of <c>start</c>, typed once the program first waits for input.</summary>
    public string? PendingPrompt { get; set; }

    /// <summary>The output offset where the open assistant turn began (null between turns).</summary>
    public long? TurnStart { get; set; }

    /// <summary>The last activity state recorded.</summary>
    public string? State { get; set; }

    /// <summary>The last status event type recorded (session.running, session.idle…).</summary>
    public string? StatusEvent { get; set; }

    /// <summary>The last progress recorded (share of ticked checkboxes).</summary>
    public double? Progress { get; set; }

    public static string FolderOf(string stateDir, string sessionId) => Path.Combine(stateDir, "runtimes", "tmux", sessionId);

    public static TmuxSessionState? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), TmuxJsonContext.Default.TmuxSessionState) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file whole (to a temporary file, then renamed over the old one).</summary>
    public void Save(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, TmuxJsonContext.Default.TmuxSessionState));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TmuxSessionState))]
internal sealed partial class TmuxJsonContext : JsonSerializerContext;
