using System.CommandLine;
using HalOSwarm.Ctl.Api;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// A leaf command that talks to the supervisor. Turns every failure into one <c>halctl: error:</c>
/// line and an exit code, so subclasses only describe the happy path.
/// </summary>
internal abstract class ApiCommand : Command
{
    private readonly GlobalOptions _options;
    private readonly CliEnvironment _environment;

    protected ApiCommand(string name, string description, GlobalOptions options, CliEnvironment environment)
        : base(name, description)
    {
        _options = options;
        _environment = environment;
        SetAction(InvokeAsync);
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken);

    /// <summary>Following a stream is ended by Ctrl+C; that is success, not an interruption.</summary>
    protected virtual bool IsFollowing(ParseResult parseResult) => false;

    private async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            using var context = CommandContext.Create(parseResult, _options, _environment);
            return await ExecuteAsync(parseResult, context, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or SupervisorException or IOException)
        {
            return IsFollowing(parseResult) ? ExitCodes.Success : ExitCodes.Interrupted;
        }
        catch (SupervisorException ex)
        {
            return ErrorOutput.Write(_environment.Error, ex.Message);
        }
        catch (CliUsageException ex)
        {
            return ErrorOutput.Write(_environment.Error, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still one line: a stack trace helps nobody at the terminal, the type and message do.
            return ErrorOutput.Write(_environment.Error, $"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }
}
