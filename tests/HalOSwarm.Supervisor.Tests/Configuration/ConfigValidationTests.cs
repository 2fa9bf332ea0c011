using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Configuration;

public sealed class ConfigValidationTests
{
    private static async Task<(int Code, string Output, string Error)> ValidateAsync(string? json, bool writeFile = true)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        if (writeFile)
        {
            await File.WriteAllTextAsync(path, json);
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_GoodConfig_ExitsZero()
    {
        var (code, output, _) = await ValidateAsync("""{"server":{"auth_token":"0123456789abcdef0123"},"database":{"path":"x.db"}}""");

        Assert.Equal(0, code);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeveralBadKeys_ReportsEveryProblemWithItsKey()
    {
        var (code, _, error) = await ValidateAsync("""
            {"server":{"port":0,"http_port":70000,"heartbeat_interval_sec":0,"heartbeat_timeout_count":0,"bind_address":"nowhere","max_frame_bytes":10},
             "database":{"path":"","busy_timeout_ms":-1},
             "logging":{"level":"loud"}}
            """);

        Assert.NotEqual(0, code);
        foreach (var key in new[]
        {
            "server.port:", "server.http_port:", "server.auth_token:", "server.heartbeat_interval_sec:", "server.heartbeat_timeout_count:",
            "server.bind_address:", "server.max_frame_bytes:", "database.path:", "database.busy_timeout_ms:", "logging.level:",
        })
        {
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_BadDatabaseProviderSettings_EveryProblemWithItsKeyNoPasswordEchoed()
    {
        var (code, _, error) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"database":{"provider":"oracle","pool_size":0}}
            """);
        Assert.NotEqual(0, code);
        Assert.Contains("database.provider: 'oracle' is not one of 'sqlite', 'postgres'", error, StringComparison.Ordinal);
        Assert.Contains("database.pool_size:", error, StringComparison.Ordinal);

        var (missingCode, _, missing) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"database":{"provider":"postgres"}}
            """);
        Assert.NotEqual(0, missingCode);
        Assert.Contains("database.connection_string: is required when database.provider is 'postgres'", missing, StringComparison.Ordinal);

        var (badCode, _, bad) = await ValidateAsync("""
            {"server":{"auth_token":"0123456789abcdef0123"},"database":{"provider":"postgres","connection_string":"Host=db;Pasword=hunter2-secret"}}
            """);
        Assert.NotEqual(0, badCode);
        Assert.Contains("database.connection_string: is not a PostgreSQL connection string", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownKeyAndBadType_BothReported()
    {
        var (code, _, error) = await ValidateAsync("""{"server":{"auth_tokn":"x","port":"abc"},"databse":{}}""");

        Assert.NotEqual(0, code);
        Assert.Contains("server.auth_tokn: unknown key; did you mean 'server.auth_token'?", error, StringComparison.Ordinal);
        Assert.Contains("databse: unknown key", error, StringComparison.Ordinal);
        Assert.Contains("server.port: 'abc' is not a valid integer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidJson_ClearError()
    {
        var (code, _, error) = await ValidateAsync("""{"server": {"port": 1,}""");

        Assert.NotEqual(0, code);
        Assert.Contains("is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ClearError()
    {
        var (code, _, error) = await ValidateAsync(null, writeFile: false);

        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SamePorts_Reported()
    {
        var (code, _, error) = await ValidateAsync("""{"server":{"auth_token":"0123456789abcdef0123","port":9000,"http_port":9000}}""");

        Assert.NotEqual(0, code);
        Assert.Contains("server.http_port: must differ from server.port", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentOverride_TypoInKnownSection_Reported()
    {
        var errors = new List<string>();

        ConfigFileChecker.CheckEnvironment(["SERVER:AUTH_TOKEN", "SERVER:HTTP_PROT", "AGENT:ANYTHING"], errors);

        var problem = Assert.Single(errors);
        Assert.Contains("server.http_prot: unknown key (from environment variable HAL_SERVER__HTTP_PROT)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_InvalidConfig_ThrowsWithAllProblems()
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("c.json");
        File.WriteAllText(path, """{"server":{"port":-1}}""");

        var ex = Assert.Throws<ConfigurationProblemsException>(() => SupervisorApp.CreateBuilder(["--config", path]));

        Assert.Contains(ex.Problems, p => p.StartsWith("server.port:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("server.auth_token:", StringComparison.Ordinal));
    }
}
