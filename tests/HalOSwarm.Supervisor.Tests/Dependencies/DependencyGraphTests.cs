using HalOSwarm.Supervisor.Dependencies;

namespace HalOSwarm.Supervisor.Tests.Dependencies;

public sealed class DependencyGraphTests
{
    private static DependencyOptions Options(params (string Project, string[] DependsOn)[] entries)
    {
        var options = new DependencyOptions();
        foreach (var (project, dependsOn) in entries)
        {
            options[project] = new DependencyProjectOptions { DependsOn = [.. dependsOn] };
        }
        return options;
    }

    [Fact]
    public void Check_TwoProjectCycle_ReportedWithItsPath()
    {
        var errors = DependencyGraph.Check(Options(("a", ["b"]), ("b", ["a"])));

        Assert.Equal(["dependencies: cycle a → b → a"], errors);
    }

    [Fact]
    public void Check_LongerCycleThroughUnlistedStart_ReportedOnce()
    {
        var errors = DependencyGraph.Check(Options(("api", ["schema"]), ("schema", ["auth"]), ("auth", ["api"]), ("web", ["api"])));

        Assert.Equal(["dependencies: cycle api → schema → auth → api"], errors);
    }

    [Fact]
    public void Check_SelfDependencyAndEmptyName_BothReportedWithKeys()
    {
        var errors = DependencyGraph.Check(Options(("a", ["a", " "])));

        Assert.Contains("dependencies.a.depends_on: 'a' depends on itself", errors);
        Assert.Contains("dependencies.a.depends_on[1]: must be a project name", errors);
    }

    [Fact]
    public void Check_Diamond_NoProblem()
    {
        Assert.Empty(DependencyGraph.Check(Options(("d", ["b", "c"]), ("b", ["a"]), ("c", ["a"]))));
    }

    [Fact]
    public void DependentsOf_ListsEveryProjectWaitingForIt()
    {
        var graph = new DependencyGraph(Options(("d", ["b", "c"]), ("b", ["a"]), ("c", ["a"])));

        Assert.Equal(["b", "c"], graph.DependentsOf("a").Order());
        Assert.Equal(["b", "c"], graph.DependenciesOf("d"));
        Assert.True(graph.Contains("a"));
        Assert.False(graph.Contains("z"));
    }
}
