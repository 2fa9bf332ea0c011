using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

internal static class OpenCodeExtensions
{
    /// <summary>The opencode runtime adapter and its server, client, mapper and reconciler.</summary>
    public static IHostApplicationBuilder AddOpenCodeRuntime(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpClient(OpenCodeClient.HttpClientName, (sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            OpenCodeClient.Configure(http, options.Runtimes.OpenCode.BaseUrl, options.Runtimes.OpenCode.Password);
        }).RemoveAllLoggers();
        services.AddSingleton(sp => new OpenCodeClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenCodeClient.HttpClientName),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OpenCodeEventMapper(sp.GetRequiredService<IOptions<AgentOptions>>().Value.Projects));
        services.AddSingleton<OpenCodeProcessManager>();
        services.AddSingleton<OpenCodeReconciler>();
        services.AddSingleton<OpenCodeRuntime>();
        services.AddSingleton<IRuntimeAdapter>(sp => sp.GetRequiredService<OpenCodeRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<OpenCodeRuntime>());
        return builder;
    }
}
