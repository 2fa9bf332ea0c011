using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>sessions abort|kill</c> and <c>resume|restart|abort|kill</c>: a bodiless command to one session.</summary>
internal sealed class SessionsControlCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly Option<string?> _key = CommonOptions.IdempotencyKey();
    private readonly string _verb;
    private readonly string _done;

    public SessionsControlCommand(string verb, string description, string done, GlobalOptions options, CliEnvironment environment)
        : base(verb, description, options, environment)
    {
        _verb = verb;
        _done = done;
        Arguments.Add(_id);
        Options.Add(_wait);
        Options.Add(_key);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var page = await context.Client.SendSessionCommandAsync(id, _verb, null, parseResult.GetValue(_wait), parseResult.GetValue(_key),
            cancellationToken);
        return CommandOutput.Write(context, page, $"{_done} session {id}");
    }
}
