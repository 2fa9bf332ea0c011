using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using Spectre.Console;

namespace HalOSwarm.Ctl.Commands;

/// <summary>What a command needs for one run: the resolved global options, an API client and the output.</summary>
internal sealed class CommandContext : IDisposable
{
    private readonly HttpClient _http;
    private readonly Lazy<IAnsiConsole> _console;

    private CommandContext(CliEnvironment environment, OutputFormat format, HttpClient http, SupervisorClient client)
    {
        Environment = environment;
        Format = format;
        _http = http;
        Client = client;
        _console = new Lazy<IAnsiConsole>(environment.CreateConsole);
    }

    public CliEnvironment Environment { get; }

    public OutputFormat Format { get; }

    public SupervisorClient Client { get; }

    public IAnsiConsole Console => _console.Value;

    public TextWriter Out => Environment.Out;

    public DateTimeOffset Now => Environment.Time.GetUtcNow();

    public static CommandContext Create(ParseResult parseResult, GlobalOptions options, CliEnvironment environment)
    {
        var format = parseResult.GetValue(options.Format) == "json" ? OutputFormat.Json : OutputFormat.Table;
        var url = FirstNonEmpty(parseResult.GetValue(options.SupervisorUrl), environment.GetVariable(GlobalOptions.UrlVariable))
            ?? GlobalOptions.DefaultSupervisorUrl;
        var token = FirstNonEmpty(parseResult.GetValue(options.Token), environment.GetVariable(GlobalOptions.TokenVariable));
        var baseUri = SupervisorBaseUrl.Parse(url);
        var handler = environment.CreateHandler();
        SupervisorTrust.Apply(handler, FirstNonEmpty(parseResult.GetValue(options.CaFile), environment.GetVariable(GlobalOptions.CaFileVariable)));
        var http = new HttpClient(handler, disposeHandler: true);
        return new CommandContext(environment, format, http, new SupervisorClient(http, baseUri, token, environment.Time));
    }

    public void Dispose() => _http.Dispose();

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;
}
