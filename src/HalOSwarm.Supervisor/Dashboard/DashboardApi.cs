using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// The page's Content-Security-Policy: its one inline script and one inline style by their hashes, API calls to its
    /// own origin, nothing else loaded, never framed.
    /// </summary>
    public static readonly Lazy<string> ContentSecurityPolicy = new(() =>
    {
        var page = Encoding.UTF8.GetString(s_page.Value);
        return $"default-src 'none'; script-src {Hash(page, "script")}; style-src {Hash(page, "style")}; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        // The page is the sign-in: it holds no data and no secret, and asks for the token itself.
        endpoints.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Value;
            return Results.Bytes(s_page.Value, "text/html; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }

    private static string Hash(string page, string tag)
    {
        var start = page.IndexOf($"<{tag}>", StringComparison.Ordinal) + tag.Length + 2;
        var end = page.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(page[start..end])))}'";
    }
}
