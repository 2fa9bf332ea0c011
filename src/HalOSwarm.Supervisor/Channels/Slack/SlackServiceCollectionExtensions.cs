namespace HalOSwarm.Supervisor.Channels.Slack;

internal static class SlackServiceCollectionExtensions
{
    /// <summary>the Slack sender and Socket Mode client.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The endpoints Slack calls (none until its receiver lands).</summary>
    public static IEndpointRouteBuilder MapSlackHooks(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
