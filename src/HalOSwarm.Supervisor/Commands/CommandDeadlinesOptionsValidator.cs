using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Collects every problem of the <c>commands.deadlines</c> section, each with its full key.</summary>
internal sealed class CommandDeadlinesOptionsValidator : IValidateOptions<CommandDeadlinesOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandDeadlinesOptions options)
    {
        var errors = new List<string>();
        Check(errors, "start", options.Start);
        Check(errors, "prompt", options.Prompt);
        Check(errors, "inject", options.Inject);
        Check(errors, "resume", options.Resume);
        Check(errors, "abort", options.Abort);
        Check(errors, "kill", options.Kill);
        Check(errors, "status", options.Status);
        Check(errors, "restart", options.Restart);
        Check(errors, "env_apply", options.EnvApply);
        Check(errors, "env_check", options.EnvCheck);
        Check(errors, "auth_check", options.AuthCheck);
        Check(errors, "auth_login", options.AuthLogin);
        Check(errors, "credentials_push", options.CredentialsPush);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string type, int seconds) =>
        ServerOptionsValidator.CheckRange(errors, $"commands.deadlines.{type}", seconds, 1, 86_400);
}
