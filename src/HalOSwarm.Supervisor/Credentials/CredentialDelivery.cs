using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The credentials feature's <see cref="ICommandWireArgs"/>: when the dispatcher sends a <c>credentials_push</c>, reads the
/// version its stored args name, decrypts it and returns the args with the secret, for that frame only. A version that is
/// gone or does not decrypt fails the command with a reason that holds no secret.
/// </summary>
internal sealed class CredentialDelivery(CredentialStore store, CredentialCipher cipher) : ICommandWireArgs
{
    public const string ErrorCode = "credentials_unavailable";

    public bool Handles(string type) => type == CommandTypes.CredentialsPush;

    public async ValueTask<JsonElement> BuildAsync(CommandDto command, CancellationToken cancellationToken)
    {
        CredentialPushArgs? args = null;
        try
        {
            args = command.Args.ValueKind == JsonValueKind.Object ? command.Args.Deserialize(CredentialsJsonContext.Default.CredentialPushArgs) : null;
        }
        catch (JsonException)
        {
        }
        if (args is null || !CredentialTools.IsTool(args.Tool) || args.Version < 1)
        {
            throw new CommandRejectedException(ErrorCode, "credentials_push args must be {tool, version} of a pushed version (POST /api/v1/credentials/push)");
        }
        var record = await store.GetAsync(command.NodeId, args.Tool, args.Version, cancellationToken)
            ?? throw new CommandRejectedException(ErrorCode, $"node {command.NodeId} has no pushed credentials {args.Tool} v{args.Version}");
        var plaintext = cipher.Decrypt(record, out var problem) ?? throw new CommandRejectedException(ErrorCode, problem!);
        try
        {
            var secret = JsonSerializer.Deserialize(plaintext, CredentialsJsonContext.Default.CredentialSecret)!;
            return JsonSerializer.SerializeToElement(new CredentialWireArgs(record.Tool, record.Version, record.Kind, secret.Content, secret.Env),
                CredentialsJsonContext.Default.CredentialWireArgs);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }
}
