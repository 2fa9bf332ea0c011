using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HalOSwarm.Testing.Network;

/// <summary>
/// A TCP forwarder on 127.0.0.1 that can cut the network the way a real partition does: while cut,
/// connections stay open but no byte crosses in either direction (so only application heartbeats can
/// notice), and new connections are accepted into the same silence. <see cref="Restore"/> drops the
/// silent connections and forwards again.
/// </summary>
public sealed class TcpChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Upstream)> _pairs = new();
    private readonly Task _acceptLoop;
    private volatile bool _cut;
    private int _nextId;

    public TcpChaosProxy(int targetPort, int listenPort = 0)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public bool IsCut => _cut;

    public void Cut() => _cut = true;

    public void Restore()
    {
        _cut = false;
        // Connections that lived through the cut lost bytes in it; a real network would have reset them.
        foreach (var id in _pairs.Keys)
        {
            Close(id);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception)
        {
            client.Dispose();
            upstream.Dispose();
            return;
        }
        var id = Interlocked.Increment(ref _nextId);
        _pairs[id] = (client, upstream);
        var a = PumpAsync(client.GetStream(), upstream.GetStream());
        var b = PumpAsync(upstream.GetStream(), client.GetStream());
        await Task.WhenAny(a, b);
        Close(id);
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                if (_cut)
                {
                    continue; // the bytes vanish, as in a partition
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void Close(int id)
    {
        if (_pairs.TryRemove(id, out var pair))
        {
            pair.Client.Dispose();
            pair.Upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var id in _pairs.Keys)
        {
            Close(id);
        }
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
