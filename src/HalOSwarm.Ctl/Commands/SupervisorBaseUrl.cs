namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>--supervisor-url</c>: the supervisor's HTTP API (<c>server.http_port</c>). The agents' WebSocket address
/// (<c>ws://host:8420</c>, as the seed's runbook writes it) is refused with the URL halctl needs instead.
/// </summary>
internal static class SupervisorBaseUrl
{
    /// <summary>The default ports of <c>server.port</c> and <c>server.http_port</c>.</summary>
    private const int AgentPort = 8420;
    private const int HttpPort = 8421;

    public static Uri Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new CliUsageException($"invalid supervisor URL '{url}': expected http://host:port or https://host:port");
        }
        if (uri.Scheme is "ws" or "wss")
        {
            var scheme = uri.Scheme == "wss" ? "https" : "http";
            var port = uri.IsDefaultPort || uri.Port == AgentPort ? HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<server.http_port>";
            throw new CliUsageException($"supervisor URL '{url}' is the agents' WebSocket address; halctl talks to the HTTP API on server.http_port: "
                + $"use --supervisor-url {scheme}://{uri.Host}:{port} ({HttpPort} unless the supervisor's config sets server.http_port)");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliUsageException($"invalid supervisor URL '{url}': expected http://host:port or https://host:port");
        }
        // A trailing slash keeps a path prefix (https://host/hal/) when API paths are resolved against it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }
}
