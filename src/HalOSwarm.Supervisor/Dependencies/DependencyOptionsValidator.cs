using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>Collects every problem of the <c>dependencies</c> section: empty names, self-dependencies, cycles (with their path).</summary>
internal sealed class DependencyOptionsValidator : IValidateOptions<DependencyOptions>
{
    public ValidateOptionsResult Validate(string? name, DependencyOptions options)
    {
        var errors = DependencyGraph.Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
