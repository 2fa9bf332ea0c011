using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Tokens;

internal static class TokensServiceCollectionExtensions
{
    /// <summary>Issued tokens: the store and its authentication cache (filled at start, after the migrations), and its writes.</summary>
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddSingleton<TokenQueries>();
        services.AddSingleton<TokenStore>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenStore>());
        services.AddWriteHandler<TokenInsert, TokenWriteHandler>();
        services.AddWriteHandler<TokenRevoke, TokenWriteHandler>();
        return services;
    }
}
