using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The command types the supervisor accepts: the protocol's, plus <c>resume</c> (sent as a prompt with the configured
/// continue text) and <c>restart</c> (a handover the supervisor runs as prompt → wait for idle → kill → start).
/// </summary>
internal static class CommandKinds
{
    public const string Resume = "resume";
    public const string Restart = "restart";

    public static readonly IReadOnlyList<string> All =
    [
        CommandTypes.Start, CommandTypes.Prompt, CommandTypes.Inject, Resume, CommandTypes.Abort, CommandTypes.Kill,
        CommandTypes.Status, Restart, CommandTypes.PermissionReply, CommandTypes.ListAdoptable, CommandTypes.Adopt,
        CommandTypes.EnvCheck, CommandTypes.EnvApply, CommandTypes.AuthCheck, CommandTypes.AuthLogin, CommandTypes.CredentialsPush,
    ];

    public static bool IsKnown(string type) => All.Contains(type);
}
