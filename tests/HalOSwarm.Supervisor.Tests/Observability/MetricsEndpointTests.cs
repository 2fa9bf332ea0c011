using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.Metrics;

namespace HalOSwarm.Supervisor.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_WithoutToken_401WhileHealthStaysOpen()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };

        using var metrics = await anonymous.GetAsync("/metrics");
        using var health = await anonymous.GetAsync("/healthz");
        using var ready = await anonymous.GetAsync("/readyz");

        Assert.Equal(401, (int)metrics.StatusCode);
        Assert.Equal(200, (int)health.StatusCode);
        Assert.Equal(200, (int)ready.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterEventsAndACommand_CountersEqualStoredRowsAndGaugesDescribeTheNode()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-metrics", outboxLast: 0);
        await agent.SendEventsAsync(Ev.Make(1, EventTypes.SessionCreated, "ses_m"));
        await agent.SendEventsAsync(Ev.Range(2, 6, EventTypes.MessageDelta, "ses_m"));
        await agent.WaitForAckAsync(6);
        var post = host.Api.PostAsJsonAsync("/api/v1/sessions/ses_m/status", new { });
        var command = (await agent.ReceiveAsync(MessageTypes.Command)).Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;
        await agent.SendAsync(MessageTypes.CommandResult, new CommandResult(command.CommandId, true, null, null, null), ProtocolJsonContext.Default.CommandResult);
        using (var response = await post)
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        var series = PrometheusText.Parse(await host.Api.GetStringAsync("/metrics"));

        Assert.Equal(await StoredAsync(host, "SELECT count(*) FROM events WHERE type = 'message.delta'"), series["hal_o_swarm_events_total{type=message.delta}"]);
        Assert.Equal(await StoredAsync(host, "SELECT count(*) FROM events"), PrometheusText.Sum(series, "hal_o_swarm_events_total"));
        Assert.Equal(1, series["hal_o_swarm_commands_total{status=succeeded,type=status}"]);
        Assert.Equal(1, series["hal_o_swarm_command_duration_seconds_count{type=status}"]);
        Assert.True(series["hal_o_swarm_event_processing_duration_seconds_count{}"] >= 2);
        Assert.Equal(1, series["hal_o_swarm_connections_active{}"]);
        Assert.Equal(1, series["hal_o_swarm_nodes_online{}"]);
        Assert.Equal(1, series["hal_o_swarm_sessions_active{status=starting}"] + series.GetValueOrDefault("hal_o_swarm_sessions_active{status=running}"));
        Assert.Equal(0, series["hal_o_swarm_node_outbox_unacked{node_id=node-metrics}"]);
        Assert.Equal(0, series["hal_o_swarm_writer_queue_depth{lane=bulk}"]);
        Assert.True(series.ContainsKey("hal_o_swarm_writer_queue_depth{lane=priority}"));
        // The writer's timings: the command's two writes went through the priority lane, the events through the bulk lane.
        Assert.True(series["hal_o_swarm_writer_wait_duration_seconds_count{lane=priority}"] >= 2);
        Assert.True(series["hal_o_swarm_writer_wait_duration_seconds_count{lane=bulk}"] >= 2);
        Assert.True(series["hal_o_swarm_writer_batch_duration_seconds_count{lane=priority}"] >= 1);
        var batches = series["hal_o_swarm_writer_batch_duration_seconds_count{lane=priority}"] + series.GetValueOrDefault("hal_o_swarm_writer_batch_duration_seconds_count{lane=bulk}");
        Assert.Equal(batches, series["hal_o_swarm_writer_phase_duration_seconds_count{phase=commit}"]);
        Assert.Equal(batches, series["hal_o_swarm_writer_phase_duration_seconds_count{phase=apply}"]);
        Assert.True(series["hal_o_swarm_database_size_bytes{}"] > 0);
        Assert.True(series.ContainsKey("hal_o_swarm_ingest_lag_seconds{}"));
        // The runtime's own series: the process's GC collections and pauses, and its CPU.
        Assert.Contains(series.Keys, k => k.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal));
        Assert.Contains(series.Keys, k => k.StartsWith("dotnet_gc_pause_time_seconds_total{", StringComparison.Ordinal));
        Assert.True(PrometheusText.Sum(series, "dotnet_process_cpu_time_seconds_total") > 0);
    }

    [Fact]
    public async Task Metrics_HeartbeatReportsAHigherOutboxSeq_UnackedDepthIsTheDifference()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-outbox", outboxLast: 0);
        await agent.SendEventsAsync(Ev.Range(1, 3, EventTypes.MessageDelta, "ses_o"));
        await agent.WaitForAckAsync(3);

        await agent.SendAsync(MessageTypes.Heartbeat, new Heartbeat(null, OutboxLastSeq: 10), ProtocolJsonContext.Default.Heartbeat);

        await SupervisorHost.WaitUntilAsync(async () =>
            PrometheusText.Parse(await host.Api.GetStringAsync("/metrics")).GetValueOrDefault("hal_o_swarm_node_outbox_unacked{node_id=node-outbox}") == 7,
            "outbox depth 10 - 3 = 7");
    }

    [Fact]
    public async Task Metrics_TwoHostsInOneProcess_EachCountsOnlyItsOwn()
    {
        await using var busy = await SupervisorHost.StartAsync();
        await using var quiet = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(busy, "node-busy");
        await agent.SendEventsAsync(Ev.Range(1, 4, EventTypes.MessageDelta, "ses_b"));
        await agent.WaitForAckAsync(4);

        var busySeries = PrometheusText.Parse(await busy.Api.GetStringAsync("/metrics"));
        var quietSeries = PrometheusText.Parse(await quiet.Api.GetStringAsync("/metrics"));

        Assert.Equal(4, busySeries["hal_o_swarm_events_total{type=message.delta}"]);
        Assert.Equal(0, PrometheusText.Sum(quietSeries, "hal_o_swarm_events_total"));
        Assert.Equal(0, quietSeries["hal_o_swarm_nodes_online{}"]);
    }

    private static async Task<double> StoredAsync(SupervisorHost host, string sql)
    {
        await using var connection = await host.OpenDatabaseAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
