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

    /// <summary>env_check: every item of a manifest, a tool's version command at most 15 s each.</summary>
    [ConfigurationKeyName("env_check")]
    public int EnvCheck { get; set; } = 60;

    /// <summary>auth_check: each agent program's status command, at most 30 s each.</summary>
    [ConfigurationKeyName("auth_check")]
    public int AuthCheck { get; set; } = 60;

    /// <summary>auth_login: until the program printed its URL and code (the login itself goes on, reported by events).</summary>
    [ConfigurationKeyName("auth_login")]
    public int AuthLogin { get; set; } = 60;

    [ConfigurationKeyName("credentials_push")]
    public int CredentialsPush { get; set; } = 30;

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
        "env_check" => EnvCheck,
        "auth_check" => AuthCheck,
        "auth_login" => AuthLogin,
        "credentials_push" => CredentialsPush,
        _ => Status,
    });
}
