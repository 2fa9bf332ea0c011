using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests;

/// <summary>One log vocabulary: every field of every log line of the agent is snake_case (node_id, command_id…).</summary>
public sealed class LogVocabularyTests
{
    [Fact]
    public void EveryLogTemplate_Fields_AreSnakeCase()
    {
        var templates = LogTemplates.Of(typeof(HalOSwarm.Agent.AgentHost).Assembly);

        Assert.True(templates.Count > 30, $"only {templates.Count} log templates found");
        Assert.Empty(LogTemplates.FieldsNotSnakeCase(templates));
    }
}
