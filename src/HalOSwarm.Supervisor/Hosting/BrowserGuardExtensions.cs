using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// What every response carries and every browser request must pass: security headers (set as the response starts, so
/// error answers get them too), the origin check and, for origins in <c>server.allowed_origins</c>, CORS.
/// </summary>
internal static class BrowserGuardExtensions
{
    /// <summary>For JSON answers: nothing to load, never framed. The dashboard's pages name their own (<see cref="PageContentSecurityPolicy"/>).</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string HstsValue = "max-age=31536000";

    private const string CorsPolicy = "allowed_origins";

    public static IServiceCollection AddBrowserGuards(this IServiceCollection services, ServerOptions server)
    {
        var policy = new OriginPolicy(server.AllowedOrigins);
        services.AddSingleton(policy);
        if (policy.Allowed.Count > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, p => p.SetIsOriginAllowed(policy.IsListed)
                .AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After")));
        }
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                // A page's own policy replaces whatever the framework set (it sets only frame-ancestors). Its forms and
                // live connection need the browser to name their origin (with no-referrer it sends "null").
                if (context.GetEndpoint()?.Metadata.GetMetadata<PageContentSecurityPolicy>() is { } page)
                {
                    headers.ContentSecurityPolicy = page.Value;
                    headers["Referrer-Policy"] = "same-origin";
                }
                else if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                }
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = HstsValue;
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    /// <summary>
    /// A request carrying an <c>Origin</c> header (browsers send one on WebSocket upgrades, EventSource and cross-site
    /// fetches) from neither the supervisor's own origin nor an allowed one is refused: 403 <c>origin_not_allowed</c>.
    /// </summary>
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<OriginPolicy>();
        app.Use(async (context, next) =>
        {
            var origins = context.Request.Headers.Origin;
            if (origins.Count > 0 && (origins.Count > 1 || !policy.Allows(context.Request, origins[0] ?? "")))
            {
                await ApiErrors.Error(StatusCodes.Status403Forbidden,
                    $"origin '{origins}' may not call the supervisor: only its own origin and those in server.allowed_origins may",
                    "origin_not_allowed").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        if (policy.Allowed.Count > 0)
        {
            app.UseCors(CorsPolicy);
        }
        return app;
    }
}
