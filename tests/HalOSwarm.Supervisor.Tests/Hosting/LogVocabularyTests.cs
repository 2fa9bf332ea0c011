using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>One log vocabulary: every field of every log line of the supervisor is snake_case (node_id, command_id…).</summary>
public sealed class LogVocabularyTests
{
    [Fact]
    public void EveryLogTemplate_Fields_AreSnakeCase()
    {
        var templates = LogTemplates.Of(typeof(HalOSwarm.Supervisor.Hosting.SupervisorApp).Assembly);

        Assert.True(templates.Count > 50, $"only {templates.Count} log templates found");
        Assert.Empty(LogTemplates.FieldsNotSnakeCase(templates));
    }
}
