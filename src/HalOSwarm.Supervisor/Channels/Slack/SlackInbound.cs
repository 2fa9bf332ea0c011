using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// What Slack sends, the same over Socket Mode and HTTP: slash commands run through <see cref="IChatCommands"/> and are
/// answered inline when done within <see cref="AnswerWindow"/> (Slack waits 3 s), else acknowledged with a short note
/// and answered on the command's response_url; button clicks go to <see cref="IChatActions"/> after the acknowledgement,
/// then the message is updated in place (chat.update, else response_url replace_original) and the clicker gets an
/// ephemeral note when nothing was done. Owns the work it starts and waits for it when disposed.
/// </summary>
internal sealed partial class SlackInbound(
    IServiceProvider services, SlackWebClient client, IOptions<ChannelsOptions> options, TimeProvider timeProvider, ILogger<SlackInbound> logger)
    : IAsyncDisposable
{
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMilliseconds(2500);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _work = new();

    /// <summary>The answer to send now: the command's reply, or a note that it follows on the response_url.</summary>
    public async Task<JsonObject> CommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        if (services.GetService<IChatCommands>() is not { } commands)
        {
            return SlackBlocks.Reply(new ChatReply("Commands are not available on this supervisor.", Ephemeral: true, Refused: true));
        }
        var (name, args) = SlackCommandLine.Parse(command.Command, command.Text, options.Value.Slack.Command, commands.Commands);
        if (name == "help" && !commands.Commands.Any(s => s.Name == "help"))
        {
            return SlackBlocks.Reply(Help(commands.Commands));
        }
        var caller = new ChatCaller(ChannelKinds.Slack, command.UserId, command.UserName, [], command.ChannelId);
        var run = Track(RunAsync(commands, caller, name, args));
        if (commands.Commands.FirstOrDefault(s => s.Name == name) is not { Slow: true })
        {
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var done = await Task.WhenAny(run, Task.Delay(AnswerWindow, timeProvider, window.Token));
            await window.CancelAsync();
            if (done == run)
            {
                return SlackBlocks.Reply(await run);
            }
        }
        if (command.ResponseUrl is not { } url)
        {
            return SlackBlocks.Reply(new ChatReply("That takes longer than Slack waits, and Slack gave no response_url to answer on.", Ephemeral: true));
        }
        Track(FollowUpAsync(run, url, name));
        return SlackBlocks.Reply(new ChatReply($"Working on {name}…", Ephemeral: true));
    }

    /// <summary>What <c>/hal</c> alone answers: every command with its options and description.</summary>
    private ChatReply Help(IReadOnlyList<ChatCommandSpec> specs) => new(
        "Commands:",
        Title: "HAL-O-SWARM",
        Preformatted: string.Join('\n', specs.Select(s => options.Value.Slack.Command + " " + s.Name
            + string.Concat(s.Options.Select(o => o.Required ? $" <{o.Name}>" : $" [{o.Name}]")) + " — " + s.Description)),
        Ephemeral: true);

    /// <summary>Acts on a click after it was acknowledged; returns at once.</summary>
    public void Click(SlackClick click) => Track(ClickAsync(click, _stopping.Token));

    private async Task<ChatReply> RunAsync(IChatCommands commands, ChatCaller caller, string name, IReadOnlyList<string> args)
    {
        try
        {
            return await commands.RunAsync(caller, name, args, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            LogCommandFailed(logger, name, ex.GetType().Name);
            return new ChatReply("That command failed on the supervisor; its log says why.", Ephemeral: true, Refused: true);
        }
    }

    private async Task FollowUpAsync(Task<ChatReply> run, Uri responseUrl, string name)
    {
        var reply = await run;
        try
        {
            await client.RespondAsync(responseUrl, SlackBlocks.Reply(reply), _stopping.Token);
        }
        catch (Exception ex) when (ex is ChannelDeliveryException or HttpRequestException or TaskCanceledException)
        {
            LogFollowUpFailed(logger, name, ex.Message);
        }
    }

    private async Task ClickAsync(SlackClick click, CancellationToken cancellationToken)
    {
        if (click.ActionId.StartsWith(SlackBlocks.OpenActionPrefix, StringComparison.Ordinal))
        {
            return;
        }
        ChatActionResult result;
        if (services.GetService<IChatActions>() is not { } actions)
        {
            result = new ChatActionResult("Buttons are not available on this supervisor.", null, Acted: false);
        }
        else
        {
            var caller = new ChatCaller(ChannelKinds.Slack, click.UserId, click.UserName, [], click.ChannelId);
            try
            {
                result = await actions.ClickAsync(caller, click.Value ?? click.ActionId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogClickFailed(logger, ex.GetType().Name);
                result = new ChatActionResult("That button failed on the supervisor; its log says why.", null, Acted: false);
            }
        }
        try
        {
            if (result.Alert is { } alert)
            {
                await ShowInPlaceAsync(click, alert, cancellationToken);
            }
            if (!result.Acted && click.ResponseUrl is { } url)
            {
                await client.RespondAsync(url, SlackBlocks.Note(result.Text), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is ChannelDeliveryException or HttpRequestException or TaskCanceledException)
        {
            LogClickAnswerFailed(logger, ex.Message);
        }
    }

    private async Task ShowInPlaceAsync(SlackClick click, Alerts.Alert alert, CancellationToken cancellationToken)
    {
        var (text, blocks) = SlackBlocks.Alert(alert);
        if (click.ChannelId is { } channel && click.MessageTs is { } ts)
        {
            await client.UpdateAsync(channel, ts, text, blocks, cancellationToken);
        }
        else if (click.ResponseUrl is { } url)
        {
            await client.RespondAsync(url, new JsonObject { ["replace_original"] = true, ["text"] = text, ["blocks"] = blocks }, cancellationToken);
        }
    }

    private Task<T> Track<T>(Task<T> task)
    {
        Track((Task)task);
        return task;
    }

    private void Track(Task task)
    {
        _work.TryAdd(task, 0);
        _ = task.ContinueWith(t => _work.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_work.Keys).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }
}
