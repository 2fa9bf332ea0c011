using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Ctl.Tests.Support;

/// <summary>Runs halctl in-process with captured output, a stub HTTP handler and given environment variables.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(
        string[] args,
        Func<HttpMessageHandler>? handler = null,
        IReadOnlyDictionary<string, string>? variables = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            CreateHandler = handler ?? (() => new SocketsHttpHandler()),
            Time = new FakeTimeProvider(Now),
            TimeZone = TimeZoneInfo.Utc,
            Width = 200,
            Plain = true,
        };
        var exitCode = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
