namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// Where <c>state_dir</c> is when the config leaves it out. As a service: the unit's <c>StateDirectory=</c> (systemd
/// passes it as <c>STATE_DIRECTORY</c>), else <c>/var/lib/hal-o-swarm/agent</c> when running as root. Otherwise the
/// user's state folder: <c>$XDG_STATE_HOME/hal-o-swarm/agent</c>, else <c>~/.local/state/hal-o-swarm/agent</c>.
/// <c>INVOCATION_ID</c> is deliberately not a sign of a service: terminals a systemd user session starts pass it on
/// to every shell, and a user running hal-agent there cannot write /var/lib.
/// </summary>
internal static class AgentStateDirectory
{
    public const string ServicePath = "/var/lib/hal-o-swarm/agent";
    public const string UserSubPath = "hal-o-swarm/agent";

    /// <summary>The default for this process, and in a few words why.</summary>
    public static (string Path, string Why) Default() =>
        Default(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static (string Path, string Why) Default(Func<string, string?> variable, bool privileged, string home)
    {
        var systemd = variable("STATE_DIRECTORY");
        if (!string.IsNullOrWhiteSpace(systemd))
        {
            // systemd lists every StateDirectory= of the unit, separated by ':'; the first is this one's.
            return (systemd.Split(':')[0], "the service's StateDirectory (STATE_DIRECTORY)");
        }
        if (privileged)
        {
            return (ServicePath, "running as root");
        }
        var xdg = variable("XDG_STATE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return (Path.Combine(xdg, UserSubPath), "the user's state folder (XDG_STATE_HOME)");
        }
        return (Path.Combine(home, ".local", "state", UserSubPath), "the user's state folder");
    }
}
