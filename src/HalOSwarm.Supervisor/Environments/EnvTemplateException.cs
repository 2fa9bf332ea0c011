namespace HalOSwarm.Supervisor.Environments;

/// <summary>A template could not be used (unknown name, unreadable file); the message names the key.</summary>
internal sealed class EnvTemplateException(string message) : Exception(message);
