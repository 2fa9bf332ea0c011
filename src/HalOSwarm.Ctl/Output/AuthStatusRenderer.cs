using HalOSwarm.Ctl.Api;

namespace HalOSwarm.Ctl.Output;

/// <summary>
/// <c>halctl auth status</c> as the runbook shows it: Node, Credential Sync and Credential Version lines, a blank line,
/// then the Tool / Status / Reason columns (16 and 20 wide) with their dashes.
/// </summary>
internal static class AuthStatusRenderer
{
    private const int ToolWidth = 16;
    private const int StatusWidth = 20;

    public static void Render(TextWriter output, NodeAuthDto node)
    {
        output.WriteLine($"Node: {node.NodeId}");
        output.WriteLine($"Credential Sync: {node.CredentialSync}");
        output.WriteLine($"Credential Version: {node.CredentialVersion}");
        output.WriteLine();
        output.WriteLine(Row("Tool", "Status", "Reason"));
        output.WriteLine(Row("----", "------", "------"));
        foreach (var tool in node.Tools)
        {
            output.WriteLine(Row(tool.Tool, tool.Status, tool.Reason ?? ""));
        }
    }

    private static string Row(string tool, string status, string reason) =>
        (tool.PadRight(ToolWidth - 1) + " " + status.PadRight(StatusWidth - 1) + " " + reason).TrimEnd();
}
