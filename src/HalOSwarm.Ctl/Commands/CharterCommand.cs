using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>charter show [PROJECT]</c>: The governance charter in force.</summary>
internal sealed class CharterCommand : Command
{
    public CharterCommand(GlobalOptions options, CliEnvironment environment)
        : base("charter", "The governance charter in force")
    {
        Subcommands.Add(new CharterShowCommand(options, environment));
    }
}
