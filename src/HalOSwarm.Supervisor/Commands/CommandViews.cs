using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// A command as it leaves the process through the API: the values of secret-looking keys in its args and result are
/// masked (as in the audit log); in a list, long strings are also cut (<see cref="ListFields"/>). The agent gets the
/// stored command unchanged.
/// </summary>
internal static class CommandViews
{
    public static CommandDto Public(CommandDto command) => command with
    {
        Args = SecretRedactor.Redact(command.Args) ?? command.Args,
        Result = SecretRedactor.Redact(command.Result),
    };

    public static CommandDto Listed(CommandDto command)
    {
        var shown = Public(command);
        return shown with
        {
            Args = ListFields.Shorten(shown.Args) ?? shown.Args,
            Result = ListFields.Shorten(shown.Result),
            Error = ListFields.Shorten(shown.Error),
        };
    }
}
