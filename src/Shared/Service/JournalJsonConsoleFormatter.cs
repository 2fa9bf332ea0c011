using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace HalOSwarm.Shell;

/// <summary>
/// The JSON console formatter's line behind a syslog priority prefix (<c>&lt;3&gt;{"Timestamp":…}</c>), which journald
/// reads as the entry's level and strips. The JSON formatter is looked up when the first line is written, since it is
/// registered beside this one.
/// </summary>
internal sealed class JournalJsonConsoleFormatter(IServiceProvider services) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "journal-json";

    private ConsoleFormatter? _json;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        _json ??= services.GetServices<ConsoleFormatter>().First(f => f.Name == ConsoleFormatterNames.Json);
        textWriter.Write(Priority(logEntry.LogLevel));
        _json.Write(in logEntry, scopeProvider, textWriter);
    }

    private static string Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => "<2>",
        LogLevel.Error => "<3>",
        LogLevel.Warning => "<4>",
        LogLevel.Information => "<6>",
        _ => "<7>",
    };
}
