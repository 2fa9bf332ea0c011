namespace HalOSwarm.Bench.Target;

internal sealed record ServerSection(int Port, int HttpPort, string BindAddress, string AuthToken, int HeartbeatIntervalSec, int HeartbeatTimeoutCount);
