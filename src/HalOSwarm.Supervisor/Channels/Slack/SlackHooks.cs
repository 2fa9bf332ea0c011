using System.Buffers;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Slack's HTTP mode (<c>channels.slack.mode: http</c>): slash commands at <see cref="CommandsPath"/> and button clicks
/// at <see cref="InteractionsPath"/>, form-encoded and signed. No bearer token: the signature over the raw body and a
/// timestamp within 5 minutes stand in for it (401 otherwise, nothing done). Bodies over <see cref="MaxBodyBytes"/> get
/// 413; a signed body that is not a command or a click gets 400; 404 while Slack is not configured for HTTP mode.
/// </summary>
internal static class SlackHooks
{
    public const string CommandsPath = "/api/v1/channels/slack/commands";
    public const string InteractionsPath = "/api/v1/channels/slack/interactions";

    /// <summary>The largest body read: a click's payload carries the whole message it was on.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapSlackHooksEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(CommandsPath, CommandAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(InteractionsPath, InteractionAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CommandAsync(HttpContext context, SlackInbound inbound, IOptions<ChannelsOptions> options, TimeProvider timeProvider)
    {
        var (refusal, form) = await ReadSignedFormAsync(context, options.Value.Slack, timeProvider);
        if (refusal is not null)
        {
            return refusal;
        }
        if (SlackCommand.From(name => form!.TryGetValue(name, out var value) ? value.ToString() : null) is not { } command)
        {
            return ApiErrors.BadRequest("not a Slack slash command (command, user_id)");
        }
        var reply = await inbound.CommandAsync(command, context.RequestAborted);
        return Results.Text(reply.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> InteractionAsync(HttpContext context, SlackInbound inbound, IOptions<ChannelsOptions> options, TimeProvider timeProvider)
    {
        var (refusal, form) = await ReadSignedFormAsync(context, options.Value.Slack, timeProvider);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!form!.TryGetValue("payload", out var payload) || payload.Count != 1)
        {
            return ApiErrors.BadRequest("not a Slack interaction (one payload field)");
        }
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(payload.ToString()).RootElement;
        }
        catch (JsonException)
        {
            return ApiErrors.BadRequest("the payload is not JSON");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ApiErrors.BadRequest("the payload is not a JSON object");
        }
        // Acknowledge at once (Slack waits 3 s); the click is acted on after, and the message updated in place.
        if (SlackClick.From(root) is { } click)
        {
            inbound.Click(click);
        }
        return Results.Ok();
    }

    private static async Task<(IResult? Refusal, Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? Form)> ReadSignedFormAsync(
        HttpContext context, SlackOptions slack, TimeProvider timeProvider)
    {
        if (!SlackChecks.IsConfigured(slack) || slack.Mode != SlackModes.Http)
        {
            return (ApiErrors.NotFound("Slack is not configured for HTTP mode (channels.slack.mode: http)"), null);
        }
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (ApiErrors.TooLarge($"the body is over the limit of {MaxBodyBytes} bytes"), null);
        }
        var headers = context.Request.Headers;
        if (!SlackSignature.Verify(slack.SigningSecret, headers["X-Slack-Request-Timestamp"].FirstOrDefault(),
            headers["X-Slack-Signature"].FirstOrDefault(), body, timeProvider.GetUtcNow()))
        {
            return (ApiErrors.Error(StatusCodes.Status401Unauthorized,
                "the Slack signature is missing or wrong, or its timestamp is more than 5 minutes off", "unauthorized"), null);
        }
        return (null, QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)));
    }

    /// <summary>The raw body (the signature is over its bytes); null when over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
