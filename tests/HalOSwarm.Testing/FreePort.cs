using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HalOSwarm.Testing;

/// <summary>
/// Free TCP ports for servers a test starts. A port the OS hands out for port 0 comes from the ephemeral
/// range, where any outgoing connection on the machine may take it before the server binds it; so ports are
/// drawn at random from below that range (where the OS never assigns outgoing ports), checked by binding,
/// and never handed out twice by one process.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000; // Linux's ephemeral range starts at 32768 by default
    private static readonly ConcurrentDictionary<int, bool> s_given = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (s_given.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"no free port found in {First}-{Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
