using System.CommandLine;
using System.Globalization;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>dashboard link</c>: prints a one-time link that signs its opener in to the dashboard as this token (its name and
/// role), valid for 15 minutes. The URL alone is on standard output, for scripts.
/// </summary>
internal sealed class DashboardLinkCommand : ApiCommand
{
    public DashboardLinkCommand(GlobalOptions options, CliEnvironment environment)
        : base("link", "Print a one-time link that signs in to the dashboard as this token (valid 15 minutes)", options, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.CreateSignInLinkAsync(cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
            return ExitCodes.Success;
        }
        context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one-time sign-in link, valid until {page.Value.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC:"));
        context.Out.WriteLine(page.Value.Url);
        return ExitCodes.Success;
    }
}
