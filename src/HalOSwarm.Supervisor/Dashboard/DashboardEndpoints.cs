using HalOSwarm.Supervisor.Dashboard.Auth;
using HalOSwarm.Supervisor.Hosting;

namespace HalOSwarm.Supervisor.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>
    /// The pages' Content-Security-Policy: scripts and styles from this origin only (the component library sets inline
    /// style attributes and one theme style element, hence <c>'unsafe-inline'</c> for styles, never for scripts), the
    /// live connection to this origin, nothing framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The pages (each needs a signed-in viewer: <c>[Authorize]</c> in <c>_Imports.razor</c>, the sign-in page excepted),
    /// their live connection (<c>/_blazor</c>, under the fallback policy: a cookie or a token), the library's static
    /// files (anonymous: they are the same for everyone), sign-in and sign-out.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets(DashboardAssets.ManifestPath()).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(endpoint => endpoint.Metadata.Add(new PageContentSecurityPolicy(ContentSecurityPolicy)));
        app.MapSignInEndpoints();
        return app;
    }
}
