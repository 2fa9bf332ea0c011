using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The environment manifests of <c>environments</c>: which projects have one, and each compiled for a node.</summary>
internal interface IEnvManifests
{
    /// <summary>Whether a manifest applies to the project (the fleet default, or its own).</summary>
    bool Covers(string project);

    /// <summary>
    /// The project's manifest (default merged with its own) compiled for the node that hosts it: templates rendered
    /// with that node's directory and runtime. Throws <see cref="EnvTemplateException"/> when a template file cannot be read.
    /// </summary>
    EnvManifest Compile(string nodeId, ProjectInfo project);
}
