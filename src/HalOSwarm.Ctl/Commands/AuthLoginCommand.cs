using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>auth login &lt;node&gt; &lt;tool&gt; [--timeout SEC]</c>: starts the tool's device-code login on the node, prints the URL
/// to open and the code to enter, then waits for the outcome. Exit 0 once logged in; 1 when the login failed, timed out
/// or needs a person on the node (the steps are printed). JSON: one object per line, each state as it comes.
/// </summary>
internal sealed class AuthLoginCommand : ApiCommand
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly Argument<string> _node = new("node") { Description = "Node id" };
    private readonly Argument<string> _tool = new("tool") { Description = "opencode, claude-code or codex" };
    private readonly Option<int> _timeout = new("--timeout") { Description = "Seconds to wait for the code to be entered (default 900)", DefaultValueFactory = _ => 900 };

    public AuthLoginCommand(GlobalOptions options, CliEnvironment environment)
        : base("login", "Log an agent program in on a node with its device-code flow, relaying the URL and code", options, environment)
    {
        Arguments.Add(_node);
        Arguments.Add(_tool);
        Options.Add(_timeout);
        _timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                result.AddError("--timeout must be 1-3600 seconds");
            }
        });
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.StartLoginAsync(parseResult.GetRequiredValue(_node), parseResult.GetRequiredValue(_tool), cancellationToken);
        Write(context, page);
        var login = page.Value;
        var until = context.Now.AddSeconds(parseResult.GetValue(_timeout));
        while (login.Status == "pending")
        {
            if (context.Now >= until)
            {
                return ErrorOutput.Write(context.Environment.Error,
                    $"login {login.LoginId} still waits for its code after {parseResult.GetValue(_timeout)} s; follow it with GET /api/v1/auth/logins/{login.LoginId}");
            }
            await Task.Delay(PollInterval, context.Environment.Time, cancellationToken);
            page = await context.Client.GetLoginAsync(login.LoginId, cancellationToken);
            if (page.Value.Status != login.Status)
            {
                Write(context, page);
            }
            login = page.Value;
        }
        return login.Status == "succeeded" ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void Write(CommandContext context, ApiPage<AuthLoginDto> page)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(context.Out, page.Data);
            return;
        }
        var login = page.Value;
        var output = context.Out;
        switch (login.Status)
        {
            case "pending":
                output.WriteLine($"To log {login.Tool} in on {login.NodeId}:");
                output.WriteLine($"  1. Open {login.VerificationUrl}");
                output.WriteLine($"  2. Enter the code {login.UserCode}");
                output.WriteLine($"Waiting for the code to be entered (login {login.LoginId})…");
                break;
            case "succeeded":
                output.WriteLine($"{login.Tool} on {login.NodeId}: logged in");
                break;
            case "manual_required":
                output.WriteLine($"{login.Tool} on {login.NodeId}: manual login required: {login.Reason}");
                if (login.ManualGuidance is { } guidance && guidance.TryGetProperty("steps", out var steps))
                {
                    var n = 1;
                    foreach (var step in steps.EnumerateArray())
                    {
                        output.WriteLine($"  {n++}. {step.GetString()}");
                    }
                }
                break;
            default:
                output.WriteLine($"{login.Tool} on {login.NodeId}: login {login.Status}: {login.Reason}");
                break;
        }
    }
}
