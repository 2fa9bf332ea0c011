using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>charter …</c>: The governance charter in force.</summary>
internal sealed class CharterCommand : Command
{
    public CharterCommand(GlobalOptions options, CliEnvironment environment)
        : base("charter", "The governance charter in force")
    {
        _ = options;
        _ = environment;
    }
}
