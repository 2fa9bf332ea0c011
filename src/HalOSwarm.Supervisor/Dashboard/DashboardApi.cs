namespace HalOSwarm.Supervisor.Dashboard;

/// <summary>
/// <c>GET /</c>: a single self-contained page (no external assets) that shows the fleet and session
/// transcripts through the HTTP API. The page holds no secret: it asks for the API token and keeps it in
/// the browser's local storage.
/// </summary>
internal static class DashboardApi
{
    private static readonly Lazy<byte[]> s_page = new(() =>
    {
        using var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream("HalOSwarm.Supervisor.Dashboard.index.html")
            ?? throw new InvalidOperationException("the dashboard page is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        // The page is the sign-in: it holds no data and no secret, and asks for the token itself.
        endpoints.MapGet("/", () => Results.Bytes(s_page.Value, "text/html; charset=utf-8")).AllowAnonymous();
        return endpoints;
    }
}
