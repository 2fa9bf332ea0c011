namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// The named HTTP clients that call services outside the machine with a secret (providers' billing APIs, Discord,
/// Slack, Telegram, webhooks): no redirects, since one would carry the secret's header or URL to wherever it points, and
/// no request logging, since a logged URL or header can hold the secret. Each caller logs what it did itself.
/// </summary>
internal static class OutboundHttpClients
{
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name, Action<HttpClient> configure) =>
        services.AddOutboundHttpClient(name, (_, http) => configure(http));

    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name, Action<IServiceProvider, HttpClient> configure) =>
        services.AddHttpClient(name, configure)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
}
