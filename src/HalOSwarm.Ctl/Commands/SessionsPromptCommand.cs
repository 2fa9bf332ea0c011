using System.CommandLine;
using HalOSwarm.Ctl.Api;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>sessions prompt</c> and the top-level <c>inject</c>: text for a session. A busy session gets it when its
/// current turn ends, unless <c>--interrupt</c>.
/// </summary>
internal sealed class SessionsPromptCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Argument<string> _text = new("text") { Description = "The prompt (quote it)" };
    private readonly Option<bool> _interrupt = new("--interrupt")
    {
        Description = "Send it at once even when the session is busy (default: queued until the current turn ends)",
    };
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly Option<string?> _key = CommonOptions.IdempotencyKey();
    private readonly string _verb;

    public SessionsPromptCommand(string verb, string description, GlobalOptions options, CliEnvironment environment)
        : base(verb, description, options, environment)
    {
        _verb = verb;
        Arguments.Add(_id);
        Arguments.Add(_text);
        Options.Add(_interrupt);
        Options.Add(_wait);
        Options.Add(_key);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var text = parseResult.GetRequiredValue(_text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException("the prompt text is empty");
        }
        var request = new PromptRequest(text, parseResult.GetValue(_interrupt) ? true : null);
        var page = await context.Client.SendSessionCommandAsync(id, _verb, request, parseResult.GetValue(_wait), parseResult.GetValue(_key), cancellationToken);
        return CommandOutput.Write(context, page, $"{(_verb == "inject" ? "injected into" : "prompted")} session {id}");
    }
}
