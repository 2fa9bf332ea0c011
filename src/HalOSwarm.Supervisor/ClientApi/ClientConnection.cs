using System.Buffers;
using System.Net.WebSockets;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// One client WebSocket (<c>GET /api/v1/ws</c>): reads JSON messages one at a time (subscribe, unsubscribe, command,
/// ping), sends through one bounded <see cref="ClientOutbox"/>, and closes with a code that says why
/// (<see cref="ClientCloseCodes"/>). It owns its subscriptions and the commands it follows, and waits for them as it ends.
/// </summary>
internal sealed partial class ClientConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly ClientCaller _caller;
    private readonly ClientOutbox _outbox;
    private readonly ClientMessageRate _rate;
    private readonly EventFeed _feed;
    private readonly SessionProjects _projects;
    private readonly ICommandService _commands;
    private readonly CommandDispatcher _dispatcher;
    private readonly IAuthorizationService _authorization;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly long _bufferBytes;
    private readonly int _maxPromptBytes;
    private readonly int _maxMessageBytes;
    private readonly Dictionary<string, ClientSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<Task> _followers = [];
    private readonly CancellationTokenSource _closing = new();
    /// <summary>Held while a message is handled, so closing never races a subscribe or a command being submitted.</summary>
    private readonly SemaphoreSlim _handling = new(1, 1);
    private int _openCommands;

    public ClientConnection(WebSocket socket, ClientCaller caller, IServiceProvider services)
    {
        _socket = socket;
        _caller = caller;
        _feed = services.GetRequiredService<EventFeed>();
        _projects = services.GetRequiredService<SessionProjects>();
        _commands = services.GetRequiredService<ICommandService>();
        _dispatcher = services.GetRequiredService<CommandDispatcher>();
        _authorization = services.GetRequiredService<IAuthorizationService>();
        _timeProvider = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILogger<ClientConnection>>();
        _bufferBytes = services.GetRequiredService<IOptions<ServerOptions>>().Value.SseBufferBytes;
        _maxPromptBytes = services.GetRequiredService<IOptions<CommandsOptions>>().Value.MaxPromptBytes;
        _maxMessageBytes = ClientSocketLimits.MaxMessageBytes(_maxPromptBytes);
        _outbox = new ClientOutbox(_bufferBytes);
        _rate = new ClientMessageRate(_timeProvider);
    }

    /// <summary>Runs until the client closes, the supervisor stops, the token is revoked or the client falls behind.</summary>
    public async Task RunAsync(CancellationToken aborted, CancellationToken stopping, CancellationToken revoked)
    {
        LogOpened(_logger, _caller.Actor, _caller.SourceAddress);
        var sending = _outbox.SendAllAsync(_socket, CancellationToken.None);
        _outbox.TryEnqueue(ClientMessages.Welcome(_caller.Actor, _caller.Role, _maxMessageBytes, _bufferBytes));
        // A pending receive is never cancelled (that would abort the socket before the close frame): the server's own
        // reasons to close race it instead, and the client's answer to the close frame ends it.
        var receiving = ReceiveLoopAsync();
        using var reasons = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, revoked, _outbox.Overflowed);
        var serverReason = Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, reasons.Token).ContinueWith(static _ => (Code: (int?)null, Reason: ""),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var first = await Task.WhenAny(receiving, serverReason);
        var (code, reason) = first == receiving ? await receiving
            : _outbox.Overflowed.IsCancellationRequested ? (ClientCloseCodes.FellBehind, $"more than {_bufferBytes} bytes waited for the client (server.sse_buffer_bytes)")
            : revoked.IsCancellationRequested ? (ClientCloseCodes.TokenRevoked, "token revoked")
            : stopping.IsCancellationRequested ? (ClientCloseCodes.GoingAway, "the supervisor is stopping")
            : ((int?)null, "");
        await StopEverythingAsync();
        await CloseAsync(sending, code, reason);
        if (first != receiving)
        {
            // The client's answer to the close frame (or its disconnect) ends the receive loop; a client that sends neither is cut.
            if (await Task.WhenAny(receiving, Task.Delay(ClientSocketLimits.CloseGrace, _timeProvider)) != receiving)
            {
                _socket.Abort();
            }
        }
        await reasons.CancelAsync(); // ends the wait on the server's reasons, whichever way the connection ended
        LogClosed(_logger, _caller.Actor, code ?? 1006, reason);
    }

    private async Task StopEverythingAsync()
    {
        await _closing.CancelAsync();
        await _handling.WaitAsync();
        try
        {
            foreach (var subscription in _subscriptions.Values)
            {
                await subscription.DisposeAsync();
            }
            _subscriptions.Clear();
        }
        finally
        {
            _handling.Release();
        }
        Task[] followers;
        lock (_followers)
        {
            followers = [.. _followers];
        }
        await Task.WhenAll(followers);
    }

    private async Task CloseAsync(Task sending, int? code, string reason)
    {
        _outbox.Complete();
        try
        {
            await sending.WaitAsync(ClientSocketLimits.CloseGrace, _timeProvider);
            if (code is { } status && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var grace = new CancellationTokenSource(ClientSocketLimits.CloseGrace, _timeProvider);
                await _socket.CloseOutputAsync((WebSocketCloseStatus)status, reason, grace.Token);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException or OperationCanceledException)
        {
            // A client that does not read gets no close frame: the connection is cut.
            _socket.Abort();
        }
    }

    /// <summary>Reads whole messages until the client closes (1000), sends one too large (1009) or goes away (null).</summary>
    private async Task<(int? Code, string Reason)> ReceiveLoopAsync()
    {
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(message.GetMemory(4096), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return (ClientCloseCodes.Normal, "");
                    }
                    message.Advance(result.Count);
                    if (message.WrittenCount > _maxMessageBytes)
                    {
                        return (ClientCloseCodes.MessageTooBig, $"a message is at most {_maxMessageBytes} bytes (commands.max_prompt_bytes + {ClientSocketLimits.MessageOverheadBytes})");
                    }
                }
                while (!result.EndOfMessage);
                if (_closing.IsCancellationRequested)
                {
                    continue; // closing: what still arrives is read only to reach the client's close frame
                }
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _outbox.TryEnqueue(ClientMessages.Error(null, ClientErrorCodes.InvalidMessage, "messages are JSON text frames, not binary"));
                    continue;
                }
                await _handling.WaitAsync();
                try
                {
                    if (!_closing.IsCancellationRequested)
                    {
                        await HandleAsync(message.WrittenMemory);
                    }
                }
                catch (Exception ex) when (ex is not (WebSocketException or OperationCanceledException or ObjectDisposedException or OutOfMemoryException))
                {
                    // One message's failure is that message's answer, as a request's would be a 500; the socket stays.
                    LogMessageFailed(_logger, _caller.Actor, ex);
                    _outbox.TryEnqueue(ClientMessages.Error(null, ClientErrorCodes.Internal, "the supervisor hit an unexpected error; see its log"));
                }
                finally
                {
                    _handling.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return (null, "");
        }
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _closing.Dispose();
        _handling.Dispose();
    }
}
