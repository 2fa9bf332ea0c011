using HalOSwarm.Agent;
using HalOSwarm.Agent.Configuration;

// hal-agent --config FILE [--validate]
string? configPath = null;
var validateOnly = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--config" when i + 1 < args.Length:
            configPath = args[++i];
            break;
        case "--validate":
            validateOnly = true;
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'");
            configPath = null;
            i = args.Length;
            break;
    }
}
if (configPath is null)
{
    await Console.Error.WriteLineAsync("usage: hal-agent --config FILE [--validate]");
    return 2;
}

var errors = AgentConfigLoader.Validate(configPath);
foreach (var error in errors)
{
    await Console.Error.WriteLineAsync("config error: " + error);
}
if (errors.Count > 0)
{
    return 1;
}
if (validateOnly)
{
    Console.WriteLine($"{configPath}: configuration is valid");
    return 0;
}

using var host = AgentHost.Build(configPath);
await host.RunAsync();
return 0;
