using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

internal interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
