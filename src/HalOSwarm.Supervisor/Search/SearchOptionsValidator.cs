using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Search;

/// <summary>Lists every problem of the <c>search</c> section with its key.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        if (options.MaxTextCharsPerEvent is < SearchOptions.MinTextChars or > SearchOptions.MaxTextChars)
        {
            return ValidateOptionsResult.Fail(
                $"search.max_text_chars: must be from {SearchOptions.MinTextChars} to {SearchOptions.MaxTextChars} characters (was {options.MaxTextCharsPerEvent})");
        }
        return ValidateOptionsResult.Success;
    }
}
