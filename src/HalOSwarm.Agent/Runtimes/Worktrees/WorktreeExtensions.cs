using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Runtimes.Worktrees;

internal static class WorktreeExtensions
{
    /// <summary>Per-session git worktrees and their clean-up when sessions end.</summary>
    public static IHostApplicationBuilder AddWorktrees(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorktreeStore>();
        builder.Services.AddSingleton<GitWorktrees>();
        builder.Services.AddHostedService<WorktreeJanitor>();
        return builder;
    }
}
