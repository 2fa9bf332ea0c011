using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSupervisorOptions<Placement.PlacementOptions, Placement.PlacementOptionsValidator>(Placement.PlacementOptions.SectionName);
        services.TryAddSingleton<Placement.INodeQuota, Placement.NoQuota>();
        services.AddSingleton<Placement.NodePlacement>();
        services.AddSingleton<CommandTargetResolver>();
        services.AddSingleton<RestartQueries>();
        services.AddSingleton<RestartWorkflow>();
        services.AddSingleton<CommandService>();
        services.AddSingleton<ICommandService>(sp => sp.GetRequiredService<CommandService>());
        return services;
    }
}
