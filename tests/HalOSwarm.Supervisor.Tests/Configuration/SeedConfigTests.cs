using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Configuration;

/// <summary>A config written from the seed README: placeholder sections and renamed keys are accepted and said so.</summary>
public sealed class SeedConfigTests
{
    // The seed README's example supervisor config, as written.
    private const string SeedConfig = """
        {
          "server": {"port": 8420, "http_port": 8421, "auth_token": "your-shared-secret-here", "heartbeat_interval_sec": 30, "heartbeat_timeout_count": 3},
          "channels": {"discord": {"bot_token": "your-discord-bot-token", "guild_id": "your-guild-id",
                                   "channels": {"alerts": "channel-id-for-alerts", "dev-log": "channel-id-for-dev-log"}}},
          "cost": {"poll_interval_minutes": 60, "providers": {"anthropic": {"admin_api_key": "your-anthropic-admin-api-key"}}},
          "policies": {"resume_on_idle": {"enabled": true, "idle_threshold_seconds": 300, "max_retries": 3}}
        }
        """;

    private static async Task<(int Code, string Output, string Error)> ValidateAsync(string json)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_SeedReadmeConfig_ValidWithNotConfiguredSectionsAndPreferredKey()
    {
        var (code, output, error) = await ValidateAsync(SeedConfig);

        Assert.True(code == 0, error);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
        Assert.Contains("note: channels.discord.bot_token: holds a placeholder, not a bot token; Discord is not configured", output, StringComparison.Ordinal);
        Assert.Contains("note: cost.providers.anthropic.admin_api_key: holds a placeholder, not an Admin API key; Anthropic billing is not polled (not_configured)",
            output, StringComparison.Ordinal);
        Assert.Contains("note: policies.resume_on_idle.idle_threshold_seconds: read as policies.resume_on_idle.idle_seconds, the preferred name",
            output, StringComparison.Ordinal);
        Assert.DoesNotContain("your-anthropic-admin-api-key", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("your-discord-bot-token", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasInFile_BindsThePreferredKey_LaterSourceUnderPreferredNameWins()
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("c.json");
        File.WriteAllText(path, SeedConfig);
        var errors = new List<string>();

        var fromFile = SupervisorConfiguration.Load(path, null, errors);
        var overridden = SupervisorConfiguration.Load(path, new Dictionary<string, string?> { ["policies:resume_on_idle:idle_seconds"] = "42" }, errors);

        Assert.Empty(errors);
        var policies = SupervisorConfiguration.Bind<PolicyOptions>(fromFile, PolicyOptions.SectionName);
        Assert.True(policies.ResumeOnIdle.Enabled);
        Assert.Equal(300, policies.ResumeOnIdle.IdleSeconds);
        Assert.Equal(42, SupervisorConfiguration.Bind<PolicyOptions>(overridden, PolicyOptions.SectionName).ResumeOnIdle.IdleSeconds);
    }

    [Fact]
    public async Task Validate_AliasAndPreferredBothSet_RefusedNamingBoth()
    {
        var (code, _, error) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"policies":{"resume_on_idle":{"idle_threshold_seconds":300,"idle_seconds":600}}}
            """);

        Assert.Equal(2, code);
        Assert.Contains("policies.resume_on_idle.idle_threshold_seconds: also set as policies.resume_on_idle.idle_seconds; keep one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AliasWithBadValue_ReportedAndRangeChecked()
    {
        var (code, output, error) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"policies":{"resume_on_idle":{"idle_threshold_seconds":0}}}
            """);

        Assert.Equal(2, code);
        Assert.Contains("policies.resume_on_idle.idle_seconds:", error, StringComparison.Ordinal);
        Assert.Contains("idle_threshold_seconds: read as policies.resume_on_idle.idle_seconds", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownKeysInSeedSections_RefusedWithTheirKeys()
    {
        var (code, _, error) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"chanels":{},"channels":{"anything":1},
             "policies":{"resume_on_idle":{"idle_treshold_seconds":1}}}
            """);

        Assert.Equal(2, code);
        Assert.Contains("chanels: unknown key (known sections:", error, StringComparison.Ordinal);
        Assert.Contains("channels.anything: unknown key", error, StringComparison.Ordinal);
        Assert.Contains("policies.resume_on_idle.idle_treshold_seconds: unknown key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_Placeholder_ReplacedByARealSectionOfTheSameName()
    {
        var sections = new ConfigSections();
        sections.AddPlaceholder(new ConfigPlaceholder { Name = "cost", Description = "provider cost polling" });
        Assert.NotNull(sections.Keys.Placeholder("cost"));

        sections.Add(new ConfigSection { Name = "cost", OptionsType = typeof(LoggingOptions), Check = (_, _) => { } });

        Assert.Null(sections.Keys.Placeholder("cost"));
        Assert.Empty(sections.Placeholders);
    }
}
