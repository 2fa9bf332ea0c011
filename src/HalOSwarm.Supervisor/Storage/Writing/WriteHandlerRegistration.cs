namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>One op type and how to bind its handler inside the writer's scope.</summary>
internal sealed record WriteHandlerRegistration(Type OpType, Func<IServiceProvider, Action<WriteOp, WriteBatch>> Bind);
