using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Hosting;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>cost.budgets, cost.forecast and cost.critical_projects: every problem with its key, at start and by --validate.</summary>
public sealed class BudgetChecksTests
{
    [Fact]
    public void Validate_EveryRuleBroken_EachErrorNamesItsKey()
    {
        var options = new CostOptions
        {
            Budgets =
            [
                new BudgetOptions { Name = "ok", LimitUsd = 1m },
                new BudgetOptions { Name = "ok", LimitTokens = 5, Thresholds = [50, 50] },
                new BudgetOptions { Name = "bad name", Scope = "project:", Window = "yearly", Action = "stop" },
                new BudgetOptions { Name = new string('n', 65), Scope = "account:team", LimitUsd = -1m, LimitTokens = 0, Thresholds = [0, 101] },
            ],
            Forecast = new ForecastOptions { WindowMinutes = 1, HorizonHours = 0 },
            CriticalProjects = ["fine", "a/b"],
        };

        var failures = new CostOptionsValidator().Validate(null, options).Failures!.ToList();

        string[] keys =
        [
            "cost.budgets[1].thresholds", "cost.budgets[1].name", "cost.budgets[2].name", "cost.budgets[2].scope", "cost.budgets[2].window",
            "cost.budgets[2].limit_usd", "cost.budgets[2].action", "cost.budgets[3].name", "cost.budgets[3].limit_usd", "cost.budgets[3].limit_usd",
            "cost.budgets[3].limit_tokens", "cost.budgets[3].thresholds", "cost.forecast.window_minutes", "cost.forecast.horizon_hours",
            "cost.critical_projects[1]",
        ];
        Assert.Equal(keys, failures.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains(failures, f => f.StartsWith("cost.budgets[1].name: 'ok' is already the name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_BadBudgetInConfig_RefusedWithTheKey()
    {
        var problems = await Assert.ThrowsAsync<ConfigurationProblemsException>(() => Support.SupervisorHost.StartAsync(c =>
            c["cost"] = new System.Text.Json.Nodes.JsonObject
            {
                ["budgets"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "x", ["action"] = "kill" }),
            }));

        Assert.Contains("cost.budgets[0].limit_usd: exactly one of limit_usd and limit_tokens must be set", problems.Message, StringComparison.Ordinal);
    }
}
