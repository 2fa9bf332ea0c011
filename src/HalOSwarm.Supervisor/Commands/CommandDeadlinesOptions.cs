using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The <c>commands.deadlines</c> section: seconds from a command's first send until it times out, per command type.
/// </summary>
internal sealed class CommandDeadlinesOptions
{
    public const string SectionName = "commands.deadlines";

    [ConfigurationKeyName("start")]
    public int Start { get; set; } = 60;

    [ConfigurationKeyName("prompt")]
    public int Prompt { get; set; } = 30;

    [ConfigurationKeyName("inject")]
    public int Inject { get; set; } = 30;

    [ConfigurationKeyName("resume")]
    public int Resume { get; set; } = 30;

    [ConfigurationKeyName("abort")]
    public int Abort { get; set; } = 15;

    [ConfigurationKeyName("kill")]
    public int Kill { get; set; } = 30;

    [ConfigurationKeyName("status")]
    public int Status { get; set; } = 15;

    [ConfigurationKeyName("restart")]
    public int Restart { get; set; } = 180;

    /// <summary>env_apply: long enough for an approved install (the agent stops one after 5 minutes).</summary>
    [ConfigurationKeyName("env_apply")]
    public int EnvApply { get; set; } = 330;

    public TimeSpan For(string type) => TimeSpan.FromSeconds(type switch
    {
        "start" => Start,
        "prompt" => Prompt,
        "inject" => Inject,
        "resume" => Resume,
        "abort" => Abort,
        "kill" => Kill,
        "restart" => Restart,
        "env_apply" => EnvApply,
        _ => Status,
    });
}
