using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>Lists every problem of the <c>approvals</c> section with its key.</summary>
internal sealed class ApprovalsOptionsValidator : IValidateOptions<ApprovalsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalsOptions options)
    {
        var errors = new List<string>();
        if (options.TimeoutSec is < 1 or > 86_400)
        {
            errors.Add($"approvals.timeout_sec: must be from 1 to 86400 seconds (was {options.TimeoutSec})");
        }
        if (!ApprovalReplies.All.Contains(options.DefaultReply))
        {
            errors.Add($"approvals.default_reply: must be one of {string.Join(", ", ApprovalReplies.All)} (was '{options.DefaultReply}')");
        }
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"approvals.rules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Project))
            {
                errors.Add($"{key}.project: must be a project name or * (was empty)");
            }
            if (string.IsNullOrEmpty(rule.Pattern))
            {
                errors.Add($"{key}.pattern: is required (a glob such as 'git status*'; * matches anything)");
            }
            if (rule.Reply is null || !ApprovalReplies.All.Contains(rule.Reply))
            {
                errors.Add($"{key}.reply: must be one of {string.Join(", ", ApprovalReplies.All)} (was '{rule.Reply}')");
            }
            if (rule.Tool is { } tool && string.IsNullOrWhiteSpace(tool))
            {
                errors.Add($"{key}.tool: must be a tool name such as bash, or left out");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
