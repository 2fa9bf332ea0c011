using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>
/// The graph checks of the <c>dependencies</c> section at start-up: empty names, self-dependencies, cycles (with their path).
/// <c>--validate</c> and start-up also run <see cref="DependencyConfiguration.Check"/>, which checks the keys first.
/// </summary>
internal sealed class DependencyOptionsValidator : IValidateOptions<DependencyOptions>
{
    public ValidateOptionsResult Validate(string? name, DependencyOptions options)
    {
        var errors = DependencyGraph.Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
