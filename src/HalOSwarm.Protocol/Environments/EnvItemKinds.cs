namespace HalOSwarm.Protocol.Environments;

/// <summary>What an <see cref="EnvItem"/> is about.</summary>
public static class EnvItemKinds
{
    /// <summary>A program on the PATH of the project's sessions, optionally with a version constraint and an install command.</summary>
    public const string Tool = "tool";
    /// <summary>An environment variable the project's sessions get (only whether it is set is ever reported).</summary>
    public const string Env = "env";
    /// <summary>A file in the project directory (AGENT.md, a <c>.context/</c> file, a required doc).</summary>
    public const string File = "file";
    /// <summary>A directory in the project directory (<c>.context/</c>).</summary>
    public const string Dir = "dir";
    /// <summary>A git hook of the project's repository.</summary>
    public const string Hook = "hook";
    /// <summary>A git remote with its URL.</summary>
    public const string GitRemote = "git_remote";
    /// <summary>The branch the project's checkout is on.</summary>
    public const string GitBranch = "git_branch";

    public static readonly IReadOnlyList<string> All = [Tool, Env, File, Dir, Hook, GitRemote, GitBranch];
}
