namespace HalOSwarm.Bench.Dashboard;

/// <summary>POST /api/v1/tokens: the dashboards' viewer token.</summary>
internal sealed record TokenRequest(string Name, string Role);
