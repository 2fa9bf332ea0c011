using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>sessions abort</c> and <c>sessions kill</c>: a bodiless command to one session.</summary>
internal sealed class SessionsControlCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly string _verb;
    private readonly string _done;

    public SessionsControlCommand(string verb, string description, string done, GlobalOptions options, CliEnvironment environment)
        : base(verb, description, options, environment)
    {
        _verb = verb;
        _done = done;
        Arguments.Add(_id);
        Options.Add(_wait);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var page = await context.Client.SendSessionCommandAsync(id, _verb, null, parseResult.GetValue(_wait), cancellationToken);
        return CommandOutput.Write(context, page, $"{_done} session {id} (command {page.Value.CommandId})");
    }
}
