using System.Collections;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Configuration;

/// <summary>A section is registered once, by its feature; --validate, start-up and the unknown-key check all read it.</summary>
public sealed class ConfigSectionsTests
{
    private const string Token = "0123456789abcdef0123";

    [Fact]
    public void Load_SectionRegisteredByFeature_ValidatedAndUnknownKeysReported()
    {
        var services = new ServiceCollection();
        services.AddSampleFeature();
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("c.json");
        File.WriteAllText(path, """
            {"sample":{"feature":{"limit":0,"name":" ","nmae":"x","inner":{"enabeld":true}}},"other":{}}
            """);
        var errors = new List<string>();

        SupervisorConfiguration.Load(path, null, ConfigSections.Of(services), errors);

        Assert.Contains("sample.feature.limit: must be 1-10 (was 0)", errors);
        Assert.Contains("sample.feature.name: must not be empty", errors);
        Assert.Contains("sample.feature.nmae: unknown key; did you mean 'sample.feature.name'?", errors);
        Assert.Contains("sample.feature.inner.enabeld: unknown key; did you mean 'sample.feature.inner.enabled'?", errors);
        Assert.Contains("other: unknown key (known sections: sample)", errors);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Options_SectionRegisteredByFeature_BoundAndValidatedWithItsKeys()
    {
        static ServiceProvider Build(Dictionary<string, string?> values)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            services.AddSampleFeature();
            return services.BuildServiceProvider();
        }

        using var good = Build(new() { ["sample:feature:limit"] = "7", ["sample:feature:inner:enabled"] = "true" });
        var options = good.GetRequiredService<IOptions<SampleOptions>>().Value;
        Assert.Equal(7, options.Limit);
        Assert.True(options.Inner.Enabled);

        using var bad = Build(new() { ["sample:feature:limit"] = "70" });
        var ex = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<SampleOptions>>().Value);
        Assert.Contains("sample.feature.limit: must be 1-10 (was 70)", ex.Failures);
    }

    [Fact]
    public async Task Validate_UnknownKeyInEveryFeatureSection_ReportedWithItsFullKey()
    {
        var sections = SupervisorConfiguration.Sections.All;
        Assert.Equal(
            ["server", "logging", "database", "cluster", "security.audit", "commands", "commands.deadlines", "prompts", "placement", "policies", "dependencies", "approvals", "retention", "cost", "channels", "search", "environments", "credentials", "charter"],
            sections.Select(s => s.Name));
        var config = new JsonObject { ["server"] = new JsonObject { ["auth_token"] = Token } };
        var expected = new List<string>();
        foreach (var section in sections)
        {
            // A section keyed by names (dependencies.<project>) has its keys one level down.
            var keyed = typeof(IDictionary).IsAssignableFrom(section.OptionsType);
            var path = keyed ? $"{section.Name}.entry" : section.Name;
            var node = config;
            foreach (var part in path.Split('.'))
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }
            node["no_such_key"] = 1;
            expected.Add($"{path}.no_such_key: unknown key");
        }

        var (code, error) = await ValidateAsync(config.ToJsonString());

        Assert.Equal(2, code);
        foreach (var problem in expected)
        {
            Assert.Contains(problem, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_BadTypeInOneSection_OtherSectionsStillChecked()
    {
        var (code, error) = await ValidateAsync($$$$"""
            {"server":{"auth_token":"{{{{Token}}}}","port":"abc"},"commands":{"max_attempts":0},"policies":{"stuck":{"stuck_seconds":"soon"}}}
            """);

        Assert.Equal(2, code);
        Assert.Contains("server.port: 'abc' is not a valid integer", error, StringComparison.Ordinal);
        Assert.Contains("policies.stuck.stuck_seconds: 'soon' is not a valid integer", error, StringComparison.Ordinal);
        Assert.Contains("commands.max_attempts: must be 1-20 (was 0)", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> ValidateAsync(string json)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, error.ToString());
    }
}
