using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage;

/// <summary>Resolves the configured provider's implementation of a seam both providers register.</summary>
internal static class ProviderServices
{
    /// <summary><typeparamref name="TPostgres"/> when <c>database.provider</c> is postgres, else <typeparamref name="TSqlite"/>; only that one is created.</summary>
    public static TService Pick<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TSqlite : TService
        where TPostgres : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? services.GetRequiredService<TPostgres>()
            : services.GetRequiredService<TSqlite>();
}
