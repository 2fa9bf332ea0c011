using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// <c>POST /api/v1/channels/discord/interactions</c> (<c>mode: http</c>): Discord's interactions endpoint. No bearer
/// token: the Ed25519 signature is the credential, and a request without a valid one gets 401 (Discord probes with bad
/// ones). Bodies over <see cref="MaxBodyBytes"/> get 413, malformed JSON or an interaction without id, token or user
/// 400, anything else the same answer as over the Gateway (PING → PONG).
/// </summary>
internal static partial class DiscordInteractionsEndpoint
{
    public const string Path = "/api/v1/channels/discord/interactions";

    /// <summary>Discord's interactions are a few KiB; 64 KiB leaves room for the largest option values.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, IOptions<ChannelsOptions> options, DiscordSignature signature,
        DiscordInteractions interactions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var discord = options.Value.Discord;
        if (!Configuration.PlaceholderValues.IsSet(discord.BotToken) || discord.Mode != DiscordModes.Http)
        {
            return Results.NotFound();
        }
        var logger = loggers.CreateLogger(typeof(DiscordInteractionsEndpoint).FullName!);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var body = await ReadAsync(context.Request.Body, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!signature.Verify(context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"], body))
        {
            LogBadSignature(logger);
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }
        DiscordInteraction? interaction;
        try
        {
            using var doc = JsonDocument.Parse(body);
            interaction = DiscordInteraction.TryParse(doc.RootElement);
        }
        catch (JsonException)
        {
            interaction = null;
        }
        if (interaction is null)
        {
            return Results.Problem("not a Discord interaction", statusCode: StatusCodes.Status400BadRequest);
        }
        var response = await interactions.HandleAsync(interaction, cancellationToken);
        if (response.After is { } after)
        {
            interactions.Run(after);
        }
        return Results.Text(response.Body.ToJsonString(), "application/json");
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.bad_signature", Message = "Discord interactions endpoint: a request without a valid signature; answered 401")]
    private static partial void LogBadSignature(ILogger logger);
}
