using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Answers interactions, whichever way they came (Gateway or HTTP): slash commands run through <see cref="IChatCommands"/>
/// (named options in the spec's order become positional arguments; a <see cref="ChatCommandSpec.Slow"/> one is deferred
/// and its answer PATCHed onto @original), autocomplete of Session options, and alert buttons through
/// <see cref="IChatActions"/> (the clicked message is updated in place; a click that did nothing also gets an ephemeral
/// follow-up saying why). The chat core checks roles; this only translates. Follow-up work is owned here and awaited on
/// dispose.
/// </summary>
internal sealed partial class DiscordInteractions : IAsyncDisposable
{
    /// <summary>Discord's own bound on a string option (6,000); an argument is never longer.</summary>
    public const int MaxOptionLength = 6000;
    private const int MaxChoices = 25;

    private readonly IServiceProvider _services;
    private readonly DiscordRestClient _rest;
    private readonly ILogger<DiscordInteractions> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];

    public DiscordInteractions(IServiceProvider services, DiscordRestClient rest, ILogger<DiscordInteractions> logger)
    {
        _services = services;
        _rest = rest;
        _logger = logger;
    }

    private IChatCommands? Commands => _services.GetService<IChatCommands>();

    private IChatActions? Actions => _services.GetService<IChatActions>();

    /// <summary>The answer to <paramref name="interaction"/>; never throws for bad input.</summary>
    public async Task<DiscordInteractionResponse> HandleAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case DiscordInteraction.Ping:
                return DiscordInteractionResponse.Of(DiscordInteractionResponse.Pong);
            case DiscordInteraction.ApplicationCommand:
                return await CommandAsync(interaction, cancellationToken);
            case DiscordInteraction.Autocomplete:
                return await AutocompleteAsync(interaction, cancellationToken);
            case DiscordInteraction.MessageComponent:
                return await ClickAsync(interaction, cancellationToken);
            default:
                return DiscordInteractionResponse.Of(DiscordInteractionResponse.ChannelMessage, DiscordRender.Text("This kind of interaction is not supported.", true));
        }
    }

    /// <summary>Runs <paramref name="work"/> (an answer's follow-up, a Gateway interaction) in the background; it is awaited when the supervisor stops.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or TaskCanceledException)
            {
                LogFollowUpFailed(_logger, exception.Message);
            }
        });
        lock (_lock)
        {
            _running.Add(task);
        }
        task.ContinueWith(t => { lock (_lock) { _running.Remove(t); } }, TaskScheduler.Default);
    }

    private async Task<DiscordInteractionResponse> CommandAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var name = DiscordInteraction.String(interaction.Data, "name") ?? "";
        if (Commands is not { } commands)
        {
            return DiscordInteractionResponse.Of(DiscordInteractionResponse.ChannelMessage, DiscordRender.Text("Commands are not available on this supervisor.", true));
        }
        var spec = commands.Commands.FirstOrDefault(c => c.Name == name);
        var args = Arguments(spec, interaction.Data);
        LogCommand(_logger, name, interaction.Caller.Actor);
        if (spec is { Slow: true })
        {
            var caller = interaction.Caller;
            var token = interaction.Token;
            return DiscordInteractionResponse.Of(DiscordInteractionResponse.DeferredChannelMessage, after: async ct =>
            {
                var reply = await commands.RunAsync(caller, name, args, ct);
                await _rest.EditOriginalAsync(token, DiscordRender.Reply(reply), ct);
            });
        }
        var answer = await commands.RunAsync(interaction.Caller, name, args, cancellationToken);
        return DiscordInteractionResponse.Of(DiscordInteractionResponse.ChannelMessage, DiscordRender.Reply(answer));
    }

    private async Task<DiscordInteractionResponse> AutocompleteAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var choices = new JsonArray();
        var name = DiscordInteraction.String(interaction.Data, "name") ?? "";
        var spec = Commands?.Commands.FirstOrDefault(c => c.Name == name);
        var focused = Options(interaction.Data).FirstOrDefault(o => o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True);
        var option = spec?.Options.FirstOrDefault(o => o.Name == DiscordInteraction.String(focused, "name"));
        if (option is { Kind: ChatOptionKind.Session } && Commands is { } commands)
        {
            var prefix = DiscordInteraction.String(focused, "value") ?? "";
            prefix = prefix.Length <= 100 ? prefix : prefix[..100];
            foreach (var session in await commands.SuggestSessionsAsync(interaction.Caller, prefix, MaxChoices, cancellationToken))
            {
                var text = DiscordRender.Cut(session, 100);
                choices.Add(new JsonObject { ["name"] = text, ["value"] = text });
            }
        }
        return DiscordInteractionResponse.Of(DiscordInteractionResponse.AutocompleteResult, new JsonObject { ["choices"] = choices });
    }

    private async Task<DiscordInteractionResponse> ClickAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var customId = DiscordInteraction.String(interaction.Data, "custom_id") ?? "";
        if (Actions is not { } actions || customId.Length > DiscordRender.MaxCustomId)
        {
            return DiscordInteractionResponse.Of(DiscordInteractionResponse.ChannelMessage, DiscordRender.Text("This button does nothing here.", true));
        }
        var result = await actions.ClickAsync(interaction.Caller, customId, cancellationToken);
        LogClick(_logger, customId, interaction.Caller.Actor, result.Acted);
        if (result.Alert is null)
        {
            return DiscordInteractionResponse.Of(DiscordInteractionResponse.ChannelMessage, DiscordRender.Text(result.Text, true));
        }
        var token = interaction.Token;
        Func<CancellationToken, Task>? why = result.Acted ? null : ct => _rest.FollowUpAsync(token, DiscordRender.Text(result.Text, true), ct);
        return DiscordInteractionResponse.Of(DiscordInteractionResponse.UpdateMessage, DiscordRender.Alert(result.Alert), why);
    }

    /// <summary>The named options in the spec's order; a missing one before a given one is an empty argument.</summary>
    private static List<string> Arguments(ChatCommandSpec? spec, JsonElement data)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in Options(data))
        {
            if (DiscordInteraction.String(option, "name") is { } name && DiscordInteraction.String(option, "value") is { } value)
            {
                given[name] = value.Length <= MaxOptionLength ? value : value[..MaxOptionLength];
            }
        }
        var args = new List<string>();
        if (spec is null)
        {
            return [.. given.Values];
        }
        var last = -1;
        for (var i = 0; i < spec.Options.Count; i++)
        {
            if (given.ContainsKey(spec.Options[i].Name))
            {
                last = i;
            }
        }
        for (var i = 0; i <= last; i++)
        {
            args.Add(given.GetValueOrDefault(spec.Options[i].Name, ""));
        }
        return args;
    }

    private static IEnumerable<JsonElement> Options(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).Take(25)
            : [];

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // Still talking to Discord after 5 seconds: cancel what is left.
        }
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }
}
