using Spectre.Console;

namespace HalOSwarm.Ctl;

/// <summary>
/// What a run of halctl talks to: its output streams, environment variables, HTTP stack and clock.
/// Tests swap these out; <see cref="System"/> is the real process.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public Func<HttpMessageHandler> CreateHandler { get; init; } = () => new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>Table width when the output is not a terminal (or for tests); null lets Spectre decide.</summary>
    public int? Width { get; init; }

    /// <summary>Plain text without colors or escape codes (tests, pipes).</summary>
    public bool Plain { get; init; }

    public static CliEnvironment System => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Width = Console.IsOutputRedirected ? 200 : null,
    };

    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (Width is { } width)
        {
            console.Profile.Width = width;
        }
        return console;
    }
}
