using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Configuration;

internal sealed class SampleOptionsValidator : IValidateOptions<SampleOptions>
{
    public ValidateOptionsResult Validate(string? name, SampleOptions options)
    {
        var errors = new List<string>();
        ServerOptionsValidator.CheckRange(errors, $"{SampleFeature.Section}.limit", options.Limit, 1, 10);
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add($"{SampleFeature.Section}.name: must not be empty");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
