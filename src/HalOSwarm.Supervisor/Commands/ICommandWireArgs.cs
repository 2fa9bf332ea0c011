using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Builds the args a command carries on the wire when they must reach the agent but never be stored: the dispatcher calls
/// the one that <see cref="Handles"/> the command's type each time it sends the command, and sends what it returns instead
/// of the stored args (which stay as they are in the database, the audit and every API answer). Used by the credentials
/// feature to add the decrypted content to a <c>credentials_push</c> at delivery. Throwing
/// <see cref="CommandRejectedException"/> fails the command with its code and message (which must hold no secret).
/// </summary>
internal interface ICommandWireArgs
{
    bool Handles(string type);

    ValueTask<JsonElement> BuildAsync(CommandDto command, CancellationToken cancellationToken);
}
