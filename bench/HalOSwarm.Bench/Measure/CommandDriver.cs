using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using HalOSwarm.Bench.Load;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Sends <c>POST /api/v1/sessions/{id}/prompt</c> to random sessions of the fleet at a fixed total rate from
/// a few workers, and records each call's round trip (API → supervisor → agent → command_result → API), split at the
/// agent by the times it noted (<see cref="CommandTimes"/>): the way in (call sent → command frame read) and the way out
/// (result sent → answer read).
/// </summary>
internal sealed class CommandDriver
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<SimAgent> _agents;
    private readonly CommandTimes? _times;
    private long _failed;
    private long _ok;

    public CommandDriver(HttpClient http, IReadOnlyList<SimAgent> agents, CommandTimes? times = null)
    {
        _http = http;
        _agents = agents;
        _times = times;
    }

    public LatencyHistogram RoundTrip { get; } = new();

    /// <summary>Call sent → the agent read the command frame (the supervisor stores the command, then sends it).</summary>
    public LatencyHistogram ToAgent { get; } = new();

    /// <summary>The agent sent the result → the caller read the answer (the supervisor reads the result, stores the outcome, answers).</summary>
    public LatencyHistogram FromAgent { get; } = new();

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
                        var ended = Stopwatch.GetTimestamp();
                        RoundTrip.Record(Stopwatch.GetElapsedTime(started, ended));
                        Interlocked.Increment(ref _ok);
                        await SplitAsync(response, started, ended, abort);
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

    private async Task SplitAsync(HttpResponseMessage response, long started, long ended, CancellationToken cancellationToken)
    {
        if (_times is null)
        {
            return;
        }
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        if (answer.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("command_id", out var id)
            && id.GetString() is { } commandId && _times.TryTake(commandId, out var at))
        {
            ToAgent.Record(Stopwatch.GetElapsedTime(started, at.Read));
            FromAgent.Record(Stopwatch.GetElapsedTime(at.Answered, ended));
        }
    }
}
