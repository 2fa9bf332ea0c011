using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HalOSwarm.Supervisor.Storage.Writing;

internal static class WritingServiceCollectionExtensions
{
    /// <summary>The writer and its queues; a storage provider adds its <see cref="IWriteTransaction"/>, features their handlers.</summary>
    public static IServiceCollection AddStorageWriter(this IServiceCollection services)
    {
        services.AddSingleton<StorageWriter>();
        services.AddSingleton<IStorageWriter>(sp => sp.GetRequiredService<StorageWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<StorageWriter>());
        return services;
    }

    /// <summary>
    /// Makes <typeparamref name="THandler"/> apply every <typeparamref name="TOp"/>. The handler is scoped to the
    /// writer's loop (created on its thread once the connection is open, disposed when the loop ends); one handler
    /// class may serve several op types.
    /// </summary>
    public static IServiceCollection AddWriteHandler<TOp, THandler>(this IServiceCollection services)
        where TOp : WriteOp
        where THandler : class, IWriteHandler<TOp>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new WriteHandlerRegistration(typeof(TOp), sp =>
        {
            var handler = sp.GetRequiredService<THandler>();
            return (op, batch) => handler.Apply((TOp)op, batch);
        }));
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> (scoped to the writer's loop) for the per-batch hooks.</summary>
    public static IServiceCollection AddWriteParticipant<T>(this IServiceCollection services)
        where T : class, IWriteBatchParticipant
    {
        services.TryAddScoped<T>();
        services.AddScoped<IWriteBatchParticipant>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
