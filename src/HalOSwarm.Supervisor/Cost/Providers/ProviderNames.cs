namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>The providers whose billing APIs are polled, as they are named in the report and the tables.</summary>
internal static class ProviderNames
{
    public const string Anthropic = "anthropic";
    public const string OpenAI = "openai";

    /// <summary>The key of the <c>workspaces</c> / <c>projects</c> maps that stands for usage without a workspace or project id.</summary>
    public const string DefaultScope = "default";
}
