using System.CommandLine;
using System.Text.Json;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>sessions adoptable &lt;project&gt;</c>: sessions running in the project's runtime that nothing supervises yet.</summary>
internal sealed class SessionsAdoptableCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name, as a node hosts it" };
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Node to ask (needed when several nodes host the project)" };
    private readonly Option<int?> _wait = CommonOptions.Wait();

    public SessionsAdoptableCommand(GlobalOptions options, CliEnvironment environment)
        : base("adoptable", "List running sessions of a project that could be adopted", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
        Options.Add(_wait);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ListAdoptableAsync(parseResult.GetRequiredValue(_project), parseResult.GetValue(_node), parseResult.GetValue(_wait),
            cancellationToken);
        var command = page.Value;
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
            return ExitCodes.Success;
        }
        if (command.State != "succeeded" || command.Result is not { ValueKind: JsonValueKind.Object } result
            || !result.TryGetProperty("sessions", out var sessions) || sessions.ValueKind != JsonValueKind.Array)
        {
            return CommandOutput.Write(context, page, "asked for adoptable sessions");
        }
        if (sessions.GetArrayLength() == 0)
        {
            context.Out.WriteLine($"nothing to adopt on node {command.NodeId}");
            return ExitCodes.Success;
        }
        foreach (var session in sessions.EnumerateArray())
        {
            context.Out.WriteLine($"{Text(session, "external_id")}\t{Text(session, "title")}\t{Text(session, "directory")}\t{Text(session, "last_activity_at")}");
        }
        return ExitCodes.Success;
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "-" : "-";
}
