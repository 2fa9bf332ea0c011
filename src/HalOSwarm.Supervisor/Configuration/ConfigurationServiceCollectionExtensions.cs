using HalOSwarm.Supervisor.Approvals;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

internal static class ConfigurationServiceCollectionExtensions
{
    public static IServiceCollection AddSupervisorOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LoggingOptions>().Bind(configuration.GetSection(LoggingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CommandsOptions>().Bind(configuration.GetSection(SupervisorConfiguration.ConfigPath(CommandsOptions.SectionName))).ValidateOnStart();
        services.AddOptions<CommandDeadlinesOptions>().Bind(configuration.GetSection(SupervisorConfiguration.ConfigPath(CommandDeadlinesOptions.SectionName))).ValidateOnStart();
        services.AddOptions<PromptsOptions>().Bind(configuration.GetSection(SupervisorConfiguration.ConfigPath(PromptsOptions.SectionName))).ValidateOnStart();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(SupervisorConfiguration.ConfigPath(AuditOptions.SectionName))).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommandsOptions>, CommandsOptionsValidator>();
        services.AddSingleton<IValidateOptions<CommandDeadlinesOptions>, CommandDeadlinesOptionsValidator>();
        services.AddSingleton<IValidateOptions<PromptsOptions>, PromptsOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddOptions<ApprovalsOptions>().Bind(configuration.GetSection(ApprovalsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalsOptions>, ApprovalsOptionsValidator>();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>();
        return services;
    }
}
