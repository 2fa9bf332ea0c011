using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// <c>server.rate_limit</c> with ASP.NET Core's rate limiter: a token bucket per client address and one per bearer token,
/// chained, on the HTTP API port. The agent port (one socket per node, already authenticated) and the health probes are
/// not limited. A refusal is 429 <c>rate_limited</c> with <c>Retry-After</c> in seconds.
/// </summary>
internal static class RateLimitingExtensions
{
    public static IServiceCollection AddSupervisorRateLimiting(this IServiceCollection services, ServerOptions server)
    {
        var limits = server.RateLimit;
        if (!limits.Enabled)
        {
            return services;
        }
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(server, context => "address:" + context.Connection.RemoteIpAddress, limits.AddressPerSec, limits.AddressBurst),
                Partitioned(server, TokenKey, limits.TokenPerSec, limits.TokenBurst));
            options.OnRejected = (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiErrors.Error(StatusCodes.Status429TooManyRequests,
                    $"too many requests from this token or address (server.rate_limit); retry after {seconds} s",
                    "rate_limited").ExecuteAsync(context));
            };
        });
        return services;
    }

    public static IApplicationBuilder UseSupervisorRateLimiting(this IApplicationBuilder app, ServerOptions server) =>
        server.RateLimit.Enabled ? app.UseRateLimiter() : app;

    private static PartitionedRateLimiter<HttpContext> Partitioned(ServerOptions server, Func<HttpContext, string?> key, int perSecond, int burst) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var partition = Exempt(context, server) ? null : key(context);
            return partition is null
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });

    private static bool Exempt(HttpContext context, ServerOptions server) =>
        context.Connection.LocalPort == server.Port
        || context.Request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bearer token's hash (never the token itself); no token, no per-token bucket (the address one still applies).</summary>
    private static string? TokenKey(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return null;
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization), hash);
        return "token:" + Convert.ToHexString(hash[..16]);
    }
}
