using System.CommandLine;
using HalOSwarm.Ctl.Api;

namespace HalOSwarm.Ctl.Commands;

internal sealed class SessionsPromptCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Argument<string> _text = new("text") { Description = "The prompt (quote it)" };
    private readonly Option<int?> _wait = CommonOptions.Wait();

    public SessionsPromptCommand(GlobalOptions options, CliEnvironment environment)
        : base("prompt", "Send a prompt to a session", options, environment)
    {
        Arguments.Add(_id);
        Arguments.Add(_text);
        Options.Add(_wait);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var text = parseResult.GetRequiredValue(_text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException("the prompt text is empty");
        }
        var page = await context.Client.SendSessionCommandAsync(id, "prompt", new PromptRequest(text), parseResult.GetValue(_wait), null, cancellationToken);
        return CommandOutput.Write(context, page, $"prompted session {id} (command {page.Value.CommandId})");
    }
}
