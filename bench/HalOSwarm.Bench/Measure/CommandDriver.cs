using System.Diagnostics;
using System.Net;
using System.Text;
using HalOSwarm.Bench.Load;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Sends <c>POST /api/v1/sessions/{id}/prompt</c> to random sessions of the fleet at a fixed total rate from
/// a few workers, and records each call's round trip (API → supervisor → agent → command_result → API).
/// </summary>
internal sealed class CommandDriver
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<SimAgent> _agents;
    private long _failed;
    private long _ok;

    public CommandDriver(HttpClient http, IReadOnlyList<SimAgent> agents)
    {
        _http = http;
        _agents = agents;
    }

    public LatencyHistogram RoundTrip { get; } = new();

    public long Succeeded => Interlocked.Read(ref _ok);

    public long Failed => Interlocked.Read(ref _failed);

    public string? LastError { get; private set; }

    /// <summary>
    /// Sends until <paramref name="stopSending"/>; a call already sent is followed to its answer (the API waits at most
    /// 10 s) unless <paramref name="abort"/> fires, so a slow machine still counts every command it sent.
    /// </summary>
    public Task RunAsync(double perSecond, int workers, CancellationToken stopSending, CancellationToken abort)
    {
        var interval = TimeSpan.FromSeconds(workers / Math.Max(0.1, perSecond));
        return Task.WhenAll(Enumerable.Range(0, workers).Select(i => WorkerAsync(i, interval, stopSending, abort)));
    }

    private async Task WorkerAsync(int worker, TimeSpan interval, CancellationToken cancellationToken, CancellationToken abort)
    {
        var random = new Random(worker);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var agent = _agents[random.Next(_agents.Count)];
                var session = agent.Identity.SessionIds[random.Next(agent.Identity.SessionIds.Length)];
                using var body = new StringContent("""{"text":"x"}""", Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await _http.PostAsync($"api/v1/sessions/{Uri.EscapeDataString(session)}/prompt?wait=10", body, abort);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        RoundTrip.Record(Stopwatch.GetElapsedTime(started));
                        Interlocked.Increment(ref _ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref _failed);
                        LastError = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(abort)}";
                    }
                }
                catch (HttpRequestException ex)
                {
                    Interlocked.Increment(ref _failed);
                    LastError = ex.Message;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
