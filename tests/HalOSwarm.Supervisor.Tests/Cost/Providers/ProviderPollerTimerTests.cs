using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Cost.Providers;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using HalOSwarm.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>The poller's schedule on a fake clock: a poll at start, then one per <c>cost.poll_interval_minutes</c>, over the last 7 days and today.</summary>
public sealed class ProviderPollerTimerTests
{
    private sealed class CountingSource(string provider, bool configured) : IProviderSource
    {
        private int _polls;

        public List<(DateOnly First, DateOnly Last)> Windows { get; } = [];

        public int Polls => Volatile.Read(ref _polls);

        public string Provider => provider;

        public bool IsConfigured => configured;

        public Task<ProviderFetch> FetchAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
        {
            lock (Windows)
            {
                Windows.Add((firstDay, lastDay));
            }
            Interlocked.Increment(ref _polls);
            return Task.FromResult(new ProviderFetch(provider, firstDay, lastDay, [], []));
        }
    }

    private sealed class CompletingWriter : IStorageWriter
    {
        public string Health => "ok";

        public ValueTask EnqueueAsync(WriteOp op, CancellationToken cancellationToken)
        {
            ((AwaitedWrite)op).Completion.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public bool TryEnqueue(WriteOp op)
        {
            ((AwaitedWrite)op).Completion.TrySetResult();
            return true;
        }
    }

    [Fact]
    public async Task Poller_FakeClock_PollsAtStartThenEveryIntervalOverTheLastSevenDaysAndToday()
    {
        using var temp = new TempDirectory("hal-poll");
        var path = temp.Combine("s.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await MigrationRunner.ApplyAsync(connection, DateTimeOffset.UtcNow, CancellationToken.None);
        }
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
        var anthropic = new CountingSource("anthropic", configured: true);
        var openAI = new CountingSource("openai", configured: false);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new SupervisorMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SupervisorMeterName.Next());
        var board = new ProviderStatusBoard([anthropic, openAI], metrics, NullLogger<ProviderStatusBoard>.Instance);
        var queries = new ProviderBillingQueries(new SqliteDatabase(Options.Create(new DatabaseOptions()), new SupervisorPaths(path)));
        var options = Options.Create(new CostOptions { PollIntervalMinutes = 60 });
        using var poller = new ProviderPoller([anthropic, openAI], board, queries, new CompletingWriter(), options, clock, NullLogger<ProviderPoller>.Instance);

        await poller.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => anthropic.Polls == 1, "the poll at start");
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, anthropic.Polls);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => anthropic.Polls == 2, "the poll an hour later, on the next UTC day");
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal(0, openAI.Polls);
        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27)), anthropic.Windows[0]);
        Assert.Equal((new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 28)), anthropic.Windows[1]);
        Assert.Equal("ok", board.Get("anthropic").State);
        Assert.Equal(clock.GetUtcNow(), board.Get("anthropic").LastSuccessAt);
        Assert.Equal("not_configured", board.Get("openai").State);
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Support.SupervisorHost.WaitUntilAsync(() => Task.FromResult(condition()), what);
}
