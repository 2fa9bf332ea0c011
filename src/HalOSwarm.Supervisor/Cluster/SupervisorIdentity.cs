using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>Who this supervisor process is among the supervisors of one database.</summary>
internal sealed class SupervisorIdentity(IOptions<ClusterOptions> cluster, IOptions<ServerOptions> server, TimeProvider timeProvider)
{
    public string Id { get; } = cluster.Value.SupervisorId ?? Default(server.Value);

    public string Hostname { get; } = Environment.MachineName;

    public string Version { get; } = typeof(SupervisorIdentity).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();

    private static string Default(ServerOptions server)
    {
        var host = new string([.. Environment.MachineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')]);
        var id = $"{(host.Length == 0 ? "supervisor" : host)}:{server.HttpPort}";
        return id.Length <= ClusterOptionsValidator.MaxIdLength ? id : id[^ClusterOptionsValidator.MaxIdLength..];
    }
}
