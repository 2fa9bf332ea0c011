using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// The credentials this node applied (<c>state_dir/credentials/state.json</c>, mode 0600: per tool the version, kind, file
/// and SHA-256 of what was written) and the state last reported for each, so <c>credentials.state</c> is recorded when
/// it changes: after a push, when a check finds the file changed by hand (drift_detected) or back as written (in_sync).
/// Env pairs pushed earlier are handed to their runtime again when the agent starts (<see cref="Load"/>).
/// </summary>
internal sealed class CredentialLedger(AgentOptions options, CredentialPaths paths, IEventRecorder recorder) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);
    private Dictionary<string, AppliedCredential> _applied = new(StringComparer.Ordinal);

    public void Load()
    {
        if (File.Exists(paths.StateFile))
        {
            _applied = JsonSerializer.Deserialize(File.ReadAllBytes(paths.StateFile), CredentialsJsonContext.Default.DictionaryStringAppliedCredential)
                ?? new(StringComparer.Ordinal);
        }
        foreach (var (tool, applied) in _applied.Where(a => a.Value.Kind == PushedCredential.EnvKind))
        {
            if (File.Exists(applied.Path)
                && JsonSerializer.Deserialize(File.ReadAllBytes(applied.Path), CredentialsJsonContext.Default.DictionaryStringString) is { } env)
            {
                options.Runtimes.For(tool).UsePushedEnv(env);
            }
        }
    }

    /// <summary>Writes a pushed version where its tool reads it, records it and reports it in sync.</summary>
    public async Task ApplyAsync(PushedCredential pushed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            string path;
            byte[] bytes;
            if (pushed.Kind == PushedCredential.FileKind)
            {
                path = paths.AuthFile(pushed.Tool);
                bytes = System.Text.Encoding.UTF8.GetBytes(pushed.Content!);
            }
            else
            {
                path = paths.EnvFile(pushed.Tool);
                bytes = JsonSerializer.SerializeToUtf8Bytes(pushed.Env!, CredentialsJsonContext.Default.DictionaryStringString);
            }
            try
            {
                SecretFile.Write(path, bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The exception's message names the path, never the content.
                throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"cannot write {pushed.Tool}'s credentials to {path}: {ex.Message}", ex);
            }
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            Array.Clear(bytes);
            // A tool's credentials are its latest push: a file replaces pairs pushed before (the auth file a push of pairs
            // leaves is the tool's own business).
            options.Runtimes.For(pushed.Tool).UsePushedEnv(pushed.Env ?? new Dictionary<string, string>());
            if (pushed.Kind == PushedCredential.FileKind && File.Exists(paths.EnvFile(pushed.Tool)))
            {
                File.Delete(paths.EnvFile(pushed.Tool));
            }
            var next = new Dictionary<string, AppliedCredential>(_applied, StringComparer.Ordinal)
            {
                [pushed.Tool] = new AppliedCredential(pushed.Version, pushed.Kind, path, digest),
            };
            SecretFile.Write(paths.StateFile, JsonSerializer.SerializeToUtf8Bytes(next, CredentialsJsonContext.Default.DictionaryStringAppliedCredential));
            _applied = next;
            _reported.Remove(pushed.Tool);
            await ReportChangesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Compares every applied tool's file with what was written; records <c>credentials.state</c> for each that changed state.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReportChangesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> ReportChangesAsync(CancellationToken cancellationToken)
    {
        var events = new List<PendingEvent>();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tool, applied) in _applied.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var state = SecretFile.Sha256(applied.Path) == applied.Sha256 ? CredentialsStateData.InSync : CredentialsStateData.DriftDetected;
            if (_reported.GetValueOrDefault(tool) != state)
            {
                events.Add(EventData.Create(EventTypes.CredentialsState, null, new CredentialsStateData(tool, applied.Version, state),
                    ProtocolJsonContext.Default.CredentialsStateData));
                states[tool] = state;
            }
        }
        if (events.Count > 0)
        {
            await recorder.RecordAsync(events, cancellationToken);
            foreach (var (tool, state) in states)
            {
                _reported[tool] = state;
            }
        }
        return events.Count;
    }

    public void Dispose() => _gate.Dispose();
}
