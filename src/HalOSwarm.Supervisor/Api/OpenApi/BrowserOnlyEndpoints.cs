using Microsoft.AspNetCore.Components.Endpoints;

namespace HalOSwarm.Supervisor.Api.OpenApi;

/// <summary>
/// Endpoints the OpenAPI document leaves out because they serve the dashboard's browser pages, not programs: the pages,
/// their static files and the pages' live connection (<c>/_blazor</c>, <c>/_framework</c>).
/// </summary>
internal static class BrowserOnlyEndpoints
{
    public static bool Contains(IEnumerable<object> metadata, string? routeText) =>
        metadata.Any(m => m is ComponentTypeMetadata || m.GetType().Name == "StaticAssetDescriptor")
        || (routeText ?? "").TrimStart('/').StartsWith('_');
}
