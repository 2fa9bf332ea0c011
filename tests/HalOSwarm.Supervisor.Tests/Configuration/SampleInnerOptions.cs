using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Tests.Configuration;

internal sealed class SampleInnerOptions
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }
}
