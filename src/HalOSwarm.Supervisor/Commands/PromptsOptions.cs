using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>The <c>prompts</c> section: the standard texts the supervisor sends for start, resume and restart.</summary>
internal sealed class PromptsOptions
{
    public const string SectionName = "prompts";

    /// <summary>First prompt of a session started without one.</summary>
    [ConfigurationKeyName("init")]
    public string Init { get; set; } =
        "Read AGENTS.md and .context/PROGRESS.md if they exist, then continue with the next open task of this project. "
        + "Keep .context/PROGRESS.md up to date as you work.";

    /// <summary>What <c>resume</c> sends to an idle session.</summary>
    [ConfigurationKeyName("continue")]
    public string Continue { get; set; } = "Continue where you left off.";

    /// <summary>What <c>restart</c> sends first, asking the agent to write down where it stands.</summary>
    [ConfigurationKeyName("handover")]
    public string Handover { get; set; } =
        "Stop here and prepare a handover: write .context/PROGRESS.md (what is done, what is left) and .context/CURRENT_TASK.md "
        + "(the exact point you stopped at and the next step), commit your work, then stop.";

    /// <summary>First prompt of the session that <c>restart</c> starts.</summary>
    [ConfigurationKeyName("after_handover")]
    public string AfterHandover { get; set; } =
        "You are taking over from a previous session. Read .context/PROGRESS.md and .context/CURRENT_TASK.md, "
        + "then continue from the exact point they describe.";
}
