namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>One Codex cluster shared by the tests of a class (they use separate sessions).</summary>
public sealed class CodexClusterFixture : IAsyncLifetime
{
    private CodexCluster? _cluster;

    internal CodexCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _cluster = await CodexCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
