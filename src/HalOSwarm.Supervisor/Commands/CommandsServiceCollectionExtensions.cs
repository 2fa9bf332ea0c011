using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

internal static class CommandsServiceCollectionExtensions
{
    /// <summary>The <c>commands</c>, <c>commands.deadlines</c> and <c>prompts</c> sections, the dispatcher and the command service.</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSupervisorOptions<CommandsOptions, CommandsOptionsValidator>(CommandsOptions.SectionName);
        services.AddSupervisorOptions<CommandDeadlinesOptions, CommandDeadlinesOptionsValidator>(CommandDeadlinesOptions.SectionName);
        services.AddSupervisorOptions<PromptsOptions, PromptsOptionsValidator>(PromptsOptions.SectionName);
        services.AddSingleton<CommandStore>();
        services.AddWriteHandler<CommandInsert, CommandWriteHandler>();
        services.AddWriteHandler<CommandUpdate, CommandWriteHandler>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ICommandResultSink>(sp => sp.GetRequiredService<CommandDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<CommandDispatcher>());
        // Several supervisors exist only on PostgreSQL; on SQLite nothing listens (and no PostgreSQL part is created).
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? ActivatorUtilities.CreateInstance<CommandNotifications>(sp)
            : new NoWork());
        services.AddSingleton<CommandTargetResolver>();
        services.AddSingleton<RestartQueries>();
        services.AddSingleton<RestartWorkflow>();
        services.AddSingleton<CommandService>();
        services.AddSingleton<ICommandService>(sp => sp.GetRequiredService<CommandService>());
        return services;
    }
}

/// <summary>A hosted service that does nothing: what a provider-specific one is on the other provider.</summary>
internal sealed class NoWork : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
