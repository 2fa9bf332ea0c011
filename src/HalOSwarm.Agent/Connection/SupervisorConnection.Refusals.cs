using System.Net.WebSockets;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Refusals: each is logged once with its fix, then retried on the slow <see cref="RefusalBackoff"/> with only a debug
/// line per attempt, until a welcome (which says the refusal is over) or a different refusal (logged once again).
/// </summary>
internal sealed partial class SupervisorConnection
{
    private readonly RefusalBackoff _refusalBackoff;
    private ConnectRefusal? _refusal;

    /// <summary>Dials; an upgrade answered with a status that retrying soon cannot change becomes a <see cref="SupervisorRefusedException"/>.</summary>
    private static async Task DialAsync(ClientWebSocket socket, Uri url, CancellationToken cancellationToken)
    {
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch (WebSocketException ex) when (ConnectRefusal.FromHttpStatus(socket.HttpStatusCode, url) is { } refusal)
        {
            throw new SupervisorRefusedException(refusal, ex);
        }
    }

    /// <summary>The delay before the next attempt after <paramref name="refusal"/>; logs it when it is new.</summary>
    private TimeSpan OnRefused(Uri url, ConnectRefusal refusal)
    {
        var delay = _refusalBackoff.Next();
        if (_refusal?.Kind == refusal.Kind)
        {
            Log.StillRefused(_logger, url.ToString(), refusal.Kind, delay.TotalMilliseconds);
        }
        else
        {
            _refusal = refusal;
            Log.Refused(_logger, url.ToString(), refusal.Message, delay.TotalMilliseconds);
        }
        return delay;
    }

    /// <summary>A welcome ends any refusal.</summary>
    private void OnAccepted(Uri url)
    {
        _refusalBackoff.Reset();
        if (_refusal is { } refusal)
        {
            _refusal = null;
            Log.AcceptedAfterRefusal(_logger, url.ToString(), refusal.Kind);
        }
    }
}
