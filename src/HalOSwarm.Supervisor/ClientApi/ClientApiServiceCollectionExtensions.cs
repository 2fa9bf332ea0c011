using HalOSwarm.Supervisor.Api.OpenApi;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>The API surface for programs: the OpenAPI document of the HTTP API and the client WebSocket.</summary>
internal static class ClientApiServiceCollectionExtensions
{
    public static IServiceCollection AddClientApi(this IServiceCollection services)
    {
        services.AddSupervisorOpenApi();
        services.AddSingleton<SessionProjects>();
        return services;
    }

    /// <summary>Maps <c>/ws</c> into the API group (<c>/api/v1</c>, a viewer token at least).</summary>
    public static IEndpointRouteBuilder MapClientApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/ws", ClientSocketEndpoint.HandleAsync)
            .WithSummary("The client WebSocket: subscribe to events, send commands and get their results (docs/API.md, Client WebSocket API).");
        return api;
    }
}
