using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HalOSwarm.Shell;

/// <summary>
/// How both daemons log and run as services: one JSON object a line on stdout. Run by systemd, it follows systemd's
/// own contracts rather than guessing from the parent process: with <c>NOTIFY_SOCKET</c> set (a <c>Type=notify</c>
/// unit) the host reports ready once it has started and stopping when it stops; with <c>JOURNAL_STREAM</c> set
/// (stdout goes to journald) each line starts with its syslog priority, so journald files it at the right level
/// (<c>journalctl -p warning</c> works) while the line stays JSON.
/// </summary>
internal static class ServiceHosting
{
    public static void AddServiceHosting(this IServiceCollection services, ILoggingBuilder logging, bool includeScopes)
    {
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = includeScopes;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")))
        {
            logging.AddConsoleFormatter<JournalJsonConsoleFormatter, ConsoleFormatterOptions>();
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = JournalJsonConsoleFormatter.FormatterName);
        }
    }
}
