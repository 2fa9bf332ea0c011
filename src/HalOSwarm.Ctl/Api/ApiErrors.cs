using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>Turns error envelopes and transport failures into one line an operator can act on.</summary>
internal static class ApiErrors
{
    public const string UnauthorizedMessage = "unauthorized — check --token or HALCTL_TOKEN";

    public static SupervisorException FromResponse(HttpStatusCode status, string body)
    {
        var envelope = TryParse(body);
        if (status == HttpStatusCode.Unauthorized)
        {
            return new SupervisorException(UnauthorizedMessage, "unauthorized", status);
        }
        if (envelope is null || string.IsNullOrWhiteSpace(envelope.Error))
        {
            var reason = $"supervisor answered {(int)status} {ReasonOf(status)}";
            return new SupervisorException(reason, envelope?.Code ?? $"http_{(int)status}", status);
        }

        var code = string.IsNullOrEmpty(envelope.Code) ? $"http_{(int)status}" : envelope.Code;
        var line = new StringBuilder(OneLine(envelope.Error.TrimEnd('.'))).Append(" (").Append(code).Append(')');
        var problems = DetailErrors(envelope.Details);
        if (problems.Count > 0)
        {
            line.Append(": ").AppendJoin("; ", problems);
        }
        return new SupervisorException(line.ToString(), code, status);
    }

    public static SupervisorException FromTransport(Uri supervisor, HttpRequestException exception)
    {
        var reason = exception.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "host not found",
            SocketException { SocketErrorCode: SocketError.TimedOut } => "connection timed out",
            SocketException socket => socket.Message,
            AuthenticationException tls => $"TLS: {tls.Message} (for a self-signed or private-CA certificate pass --ca-file FILE or set HALCTL_CA_FILE)",
            { } inner => inner.Message,
            null => exception.Message,
        };
        var target = supervisor.GetLeftPart(UriPartial.Authority);
        return new SupervisorException($"cannot reach supervisor at {target}: {OneLine(reason)}", "unreachable", null, exception);
    }

    public static SupervisorException Timeout(Uri supervisor, TimeSpan after) =>
        new($"supervisor at {supervisor.GetLeftPart(UriPartial.Authority)} did not answer within {after.TotalSeconds:0}s", "timeout");

    private static ApiErrorBody? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body, CtlJsonContext.Default.ApiErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // details.errors is a list of problems with their field; accept [{field, message}], ["text"] or {field: text|[text]}.
    private static List<string> DetailErrors(JsonElement? details)
    {
        var result = new List<string>();
        if (details is not { ValueKind: JsonValueKind.Object } d || !d.TryGetProperty("errors", out var errors))
        {
            return result;
        }
        if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray())
            {
                result.Add(item.ValueKind == JsonValueKind.Object ? FieldProblem(item) : Text(item));
            }
        }
        else if (errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in errors.EnumerateObject())
            {
                result.Add($"{property.Name}: {Text(property.Value)}");
            }
        }
        return result;
    }

    private static string FieldProblem(JsonElement item)
    {
        var field = item.TryGetProperty("field", out var f) ? Text(f) : null;
        var message = item.TryGetProperty("message", out var m) ? Text(m)
            : item.TryGetProperty("error", out var e) ? Text(e)
            : item.GetRawText();
        return string.IsNullOrEmpty(field) ? message : $"{field}: {message}";
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => OneLine(value.GetString() ?? ""),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        _ => status.ToString(),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
