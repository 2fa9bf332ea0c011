using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Every standard prompt must have text.</summary>
internal sealed class PromptsOptionsValidator : IValidateOptions<PromptsOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptsOptions options)
    {
        var errors = new List<string>();
        Check(errors, "init", options.Init);
        Check(errors, "continue", options.Continue);
        Check(errors, "handover", options.Handover);
        Check(errors, "after_handover", options.AfterHandover);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"prompts.{key}: must not be empty");
        }
    }
}
