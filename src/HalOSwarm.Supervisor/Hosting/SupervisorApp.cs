using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Api.OpenApi;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Channels;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.ClientApi;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Cost.Budgets;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Cost.Providers;
using HalOSwarm.Supervisor.Cost.Report;
using HalOSwarm.Supervisor.Credentials;
using HalOSwarm.Supervisor.Dashboard;
using HalOSwarm.Supervisor.Dashboard.Auth;
using HalOSwarm.Supervisor.Dependencies;
using HalOSwarm.Supervisor.Environments;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Governance;
using HalOSwarm.Supervisor.Maintenance;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Supervisor.Search;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Tokens;
using HalOSwarm.Supervisor.ToolAuth;
using Microsoft.Extensions.Logging.Console;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// Composes the supervisor. Program uses it, and so do tests, which get the real host on their own ports and files.
/// </summary>
internal static class SupervisorApp
{
    /// <summary>
    /// Loads and checks the configuration; throws <see cref="ConfigurationProblemsException"/> listing every problem.
    /// <paramref name="overrides"/> (config keys like <c>server:port</c>) win over the file and the environment.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides = null)
    {
        if (!SupervisorArguments.TryParse(args, out var arguments, out var argumentError))
        {
            throw new ConfigurationProblemsException([argumentError]);
        }
        // No reload watcher on the content root: the database usually lives there, and every WAL write woke it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = "hal-supervisor",
            WebRootPath = DashboardAssets.WebRoot(),
        });
        // The dashboard's static files: from the build's manifest (the packages' folders) when run from a build, from
        // the web root when published.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.Sources.Clear();
        var problems = new List<string>();
        var notes = new List<string>();
        SupervisorConfiguration.AddSources(builder.Configuration, arguments.ConfigPath, overrides, problems, notes);
        SupervisorConfiguration.Check(builder.Configuration, problems, notes);
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemsException(problems);
        }
        var server = SupervisorConfiguration.Bind<ServerOptions>(builder.Configuration, ServerOptions.SectionName);
        var database = SupervisorConfiguration.Bind<DatabaseOptions>(builder.Configuration, DatabaseOptions.SectionName);
        var logging = SupervisorConfiguration.Bind<LoggingOptions>(builder.Configuration, LoggingOptions.SectionName);

        builder.Logging.ClearProviders();
        builder.Services.AddServiceHosting(builder.Logging, includeScopes: true);
        var level = LoggingOptionsValidator.TryParseLevel(logging.Level, out var parsed) ? parsed : LogLevel.Information;
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddFilter("Microsoft.AspNetCore", (LogLevel)Math.Max((int)level, (int)LogLevel.Warning));
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // Says at every start that the cookie keys are stored unencrypted: they are, in a folder only the service user reads.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var certificate = LoadCertificate(server);
        builder.WebHost.ConfigureKestrel(kestrel => KestrelSetup.Configure(kestrel, server, certificate));
        if (certificate is not null)
        {
            builder.Services.AddSingleton(certificate);
            builder.Services.AddSingleton<CertificateReloader>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<CertificateReloader>());
        }
        builder.Services.AddBrowserGuards(server);
        builder.Services.AddSupervisorRateLimiting(server);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddSingleton(TimeProvider.System);
        ConfigNotes.Register(builder.Services, notes);
        AddFeatures(builder.Services, new SupervisorPaths(SupervisorConfiguration.ResolveDatabasePath(database.Path, arguments.ConfigPath)));
        return builder;
    }

    /// <summary>The certificate of <c>server.tls</c>, or null without TLS; unusable files are a configuration problem.</summary>
    private static ServerCertificate? LoadCertificate(ServerOptions server)
    {
        if (!server.Tls.Enabled)
        {
            return null;
        }
        if (!CertificateFiles.TryLoad(server.Tls.CertFile, server.Tls.KeyFile, out var loaded, out var error))
        {
            throw new ConfigurationProblemsException([error]);
        }
        return new ServerCertificate(loaded!, server.Tls.CertFile, server.Tls.KeyFile);
    }

    /// <summary>
    /// Every feature, in one place. Each registers its own services and its config sections
    /// (<see cref="OptionsServiceCollectionExtensions.AddSupervisorOptions{TOptions, TValidator}(IServiceCollection, string, Action{IConfiguration, List{string}}?, Action{TOptions, List{string}}?)"/>),
    /// so the host and <c>--validate</c> read the same sections.
    /// </summary>
    public static void AddFeatures(IServiceCollection services, SupervisorPaths paths)
    {
        services.AddSupervisorHosting();
        services.AddSupervisorObservability();
        services.AddStorage(paths);
        services.AddSupervisorSecurity();
        services.AddEventPipeline();
        services.AddNodes();
        services.AddCluster();
        services.AddSessions();
        services.AddAudit();
        services.AddCommands();
        services.AddPolicies();
        services.AddDependencyScheduling();
        services.AddApprovals();
        services.AddMaintenance();
        services.AddCost();
        services.AddChannels();
        services.AddDashboard(paths);
        services.AddSearch();
        services.AddClientApi();
        services.AddEnvironments();
        services.AddToolAuth();
        services.AddCredentials();
        services.AddGovernance();
        services.AddNotConfiguredSections();
        services.AddLeaderServices();
    }

    /// <summary>The config sections the features register, found by registering them into a collection that is never built.</summary>
    public static ConfigSections DescribeConfiguration()
    {
        var services = new ServiceCollection();
        AddFeatures(services, new SupervisorPaths(""));
        return ConfigSections.Of(services);
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var server = SupervisorConfiguration.Bind<ServerOptions>(app.Configuration, ServerOptions.SectionName);
        app.UseSecurityHeaders();
        app.UseApiErrors(server.MaxRequestBodyBytes);
        app.UseOriginCheck();
        app.UseSupervisorRateLimiting(server);
        app.UseRouting();
        app.UsePortSplit(server.Port);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        // Every endpoint needs a token unless it is marked AllowAnonymous (health, readiness, sign-in, static files); the
        // API group needs a reading role, acting endpoints name theirs (SupervisorPolicies), and the fallback policy
        // covers anything mapped without a word about it.
        app.MapAgentEndpoint();
        app.MapHealthApi();
        app.MapMetricsEndpoint();
        app.MapDashboard();
        app.MapChannelHooks();
        app.MapSupervisorOpenApi();
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapNodesApi();
        api.MapSupervisorsApi();
        api.MapSessionsApi();
        api.MapSessionCostApi();
        api.MapEventsApi();
        api.MapCommandsApi();
        api.MapAuditApi();
        api.MapApprovalsApi();
        api.MapMaintenanceApi();
        api.MapTokensApi();
        api.MapProviderPollApi();
        api.MapCostApi();
        api.MapBudgetsApi();
        api.MapChannelsApi();
        api.MapSignInLinksApi();
        api.MapSearchApi();
        api.MapClientApi();
        api.MapEnvironmentsApi();
        api.MapToolAuthApi();
        api.MapCredentialsApi();
        api.MapGovernanceApi();
        app.MapApiFallback();
        return app;
    }
}
