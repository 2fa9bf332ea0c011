using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Tests.Configuration;

internal sealed class SampleOptions
{
    [ConfigurationKeyName("limit")]
    public int Limit { get; set; } = 5;

    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "sample";

    [ConfigurationKeyName("inner")]
    public SampleInnerOptions Inner { get; } = new();
}
