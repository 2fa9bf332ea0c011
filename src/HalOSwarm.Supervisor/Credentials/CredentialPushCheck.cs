using System.Text;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The rules of a push body (docs/API.md, Credentials). Errors name the field and never echo a value of <c>content</c> or
/// <c>env</c>; an oversized secret is reported apart (<see cref="TooLarge"/>, answered 413).
/// </summary>
internal static class CredentialPushCheck
{
    public static (List<FieldError> Errors, string? TooLarge, string? Kind) Check(CredentialPushRequest body)
    {
        var errors = new List<FieldError>();
        string? tooLarge = null;
        if (string.IsNullOrEmpty(body.NodeId))
        {
            errors.Add(new("node_id", "is required"));
        }
        else if (ProtocolLimits.NodeIdProblem(body.NodeId) is { } problem)
        {
            errors.Add(new("node_id", problem));
        }
        if (!CredentialTools.IsTool(body.Tool))
        {
            errors.Add(new("tool", $"must be one of {string.Join(", ", CredentialTools.All)}"));
        }
        var kind = body.Kind ?? (body.Content is not null && body.Env is null ? CredentialTools.FileKind
            : body.Env is not null && body.Content is null ? CredentialTools.EnvKind : null);
        switch (kind)
        {
            case CredentialTools.FileKind when body.Env is not null:
                errors.Add(new("env", "must be absent for kind file (the auth file's whole text goes in content)"));
                break;
            case CredentialTools.FileKind when string.IsNullOrEmpty(body.Content):
                errors.Add(new("content", "is required for kind file: the tool's whole auth file"));
                break;
            case CredentialTools.FileKind when Encoding.UTF8.GetByteCount(body.Content!) > CredentialTools.MaxContentBytes:
                tooLarge = $"content: must be at most {CredentialTools.MaxContentBytes} bytes of UTF-8";
                break;
            case CredentialTools.FileKind when !CredentialTools.IsText(body.Content!, allowNewlines: true):
                errors.Add(new("content", "must be text without control characters other than tab, CR and LF"));
                break;
            case CredentialTools.FileKind:
                break;
            case CredentialTools.EnvKind when body.Content is not null:
                errors.Add(new("content", "must be absent for kind env (the pairs go in env)"));
                break;
            case CredentialTools.EnvKind when body.Env is not { Count: > 0 }:
                errors.Add(new("env", "is required for kind env: an object of NAME: VALUE pairs"));
                break;
            case CredentialTools.EnvKind when body.Env!.Count > CredentialTools.MaxEnvPairs:
                tooLarge = $"env: must hold at most {CredentialTools.MaxEnvPairs} pairs";
                break;
            case CredentialTools.EnvKind:
                CheckEnv(body.Env!, errors, ref tooLarge);
                break;
            case null when body.Content is null && body.Env is null:
                errors.Add(new("content", "content (kind file) or env (kind env) is required"));
                break;
            case null:
                errors.Add(new("kind", "is required when both content and env are given (file or env)"));
                break;
            default:
                errors.Add(new("kind", "must be file or env"));
                break;
        }
        return (errors, tooLarge, kind);
    }

    private static void CheckEnv(Dictionary<string, string> env, List<FieldError> errors, ref string? tooLarge)
    {
        foreach (var (name, value) in env)
        {
            if (name.Length > CredentialTools.MaxEnvNameChars || !CredentialTools.EnvName().IsMatch(name))
            {
                // The name is not shown either: a misplaced secret may sit in it.
                errors.Add(new("env", $"names must be 1-{CredentialTools.MaxEnvNameChars} characters of A-Z a-z 0-9 _, not starting with a digit"));
                return;
            }
            if (value is null || value.Length > CredentialTools.MaxEnvValueChars)
            {
                tooLarge ??= $"env.{name}: must be a string of at most {CredentialTools.MaxEnvValueChars} characters";
                continue;
            }
            if (!CredentialTools.IsText(value, allowNewlines: false))
            {
                errors.Add(new($"env.{name}", "must be a string without control characters"));
            }
        }
    }
}
