using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// A command the seed README lists for a feature this supervisor does not have (<c>env status</c>):
/// hidden from help, takes any arguments, and says what is there instead of "unrecognized command". Exit 2: nothing ran.
/// </summary>
internal sealed class NotAvailableCommand : Command
{
    public NotAvailableCommand(string name, string instead, CliEnvironment environment)
        : base(name, $"(not available yet) {instead}")
    {
        Hidden = true;
        TreatUnmatchedTokensAsErrors = false;
        SetAction(_ => ErrorOutput.Write(environment.Error, $"'{name}' is not available yet: {instead}", ExitCodes.Usage));
    }

    public static IEnumerable<Command> ForSeed(CliEnvironment environment) =>
    [
        new NotAvailableCommand("env", "this supervisor does not provision project environments", environment),
    ];
}
