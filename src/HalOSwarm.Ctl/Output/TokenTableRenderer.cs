using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Commands;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Tokens as a table, and a token just issued with its secret.</summary>
internal static class TokenTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<TokenDto> tokens)
    {
        if (tokens.Count == 0)
        {
            console.WriteLine("no tokens");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "NAME", "KIND", "ROLE", "NODE", "CREATED", "BY", "REVOKED", "REFUSED HELLOS");
        foreach (var t in tokens)
        {
            table.AddRow(new Text(t.Id), new Text(t.Name), new Text(t.Kind), new Text(t.Role ?? "-"), new Text(t.NodeId ?? "-"),
                new Text(Humanize.Time(t.CreatedAt)), new Text(t.CreatedBy), new Text(t.RevokedAt is null ? "-" : Humanize.Time(t.RevokedAt)),
                new Text(t.RefusedHellos.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        console.Write(table);
    }

    /// <summary>The secret on a line of its own (<c>secret: …</c>), so a script can take it; JSON output is the API's data.</summary>
    public static void RenderIssued(CommandContext context, ApiPage<IssuedTokenDto> page)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
            return;
        }
        var token = page.Value.Token;
        var what = token.NodeId is { } node ? $"node token for {node}" : $"{token.Role} token";
        context.Out.WriteLine($"created {what} {token.Name} ({token.Id})");
        context.Out.WriteLine($"secret: {page.Value.Secret}");
        context.Out.WriteLine("The secret is shown only now; the supervisor keeps only its hash.");
    }
}
