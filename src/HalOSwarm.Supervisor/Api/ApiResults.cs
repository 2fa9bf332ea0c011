using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Supervisor.Api;

internal static class ApiResults
{
    public static IResult Ok<T>(T data, JsonTypeInfo<ApiEnvelope<T>> typeInfo, ApiMeta? meta = null) =>
        TypedResults.Json(new ApiEnvelope<T>(data, meta ?? ApiMeta.Empty), typeInfo);
}
