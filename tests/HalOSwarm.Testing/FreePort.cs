using System.Net;
using System.Net.Sockets;

namespace HalOSwarm.Testing;

/// <summary>Free TCP ports on the loopback interface, asked of the OS so parallel runs never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
