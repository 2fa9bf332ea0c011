using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// The HTTP API of <c>opencode serve</c> (typed client from HttpClientFactory). Failures become
/// <see cref="RuntimeCommandException"/>: unreachable → runtime_unavailable, 404 → unknown_session,
/// anything else → runtime_error.
/// </summary>
internal sealed class OpenCodeClient
{
    public const string HttpClientName = "opencode";
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public OpenCodeClient(HttpClient http, TimeProvider? time = null)
    {
        _http = http;
        _time = time ?? TimeProvider.System;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var expiry = new CancellationTokenSource(TimeSpan.FromSeconds(3), _time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
            using var response = await _http.GetAsync("global/health", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public Task<JsonElement> CreateSessionAsync(string directory, string? title, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (title is not null)
        {
            body["title"] = title;
        }
        return SendAsync(HttpMethod.Post, $"session?directory={Q(directory)}", body, cancellationToken);
    }

    public Task PromptAsync(string sessionId, string directory, string text, string? model, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) };
        if (model?.Split('/', 2) is [var provider, var modelId])
        {
            body["model"] = new JsonObject { ["providerID"] = provider, ["modelID"] = modelId };
        }
        return SendAsync(HttpMethod.Post, $"session/{Q(sessionId)}/prompt_async?directory={Q(directory)}", body, cancellationToken);
    }

    public Task AbortAsync(string sessionId, string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"session/{Q(sessionId)}/abort?directory={Q(directory)}", null, cancellationToken);

    public Task DeleteAsync(string sessionId, string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"session/{Q(sessionId)}?directory={Q(directory)}", null, cancellationToken);

    public Task<JsonElement> GetSessionAsync(string sessionId, string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"session/{Q(sessionId)}?directory={Q(directory)}", null, cancellationToken);

    public Task<JsonElement> ListSessionsAsync(string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"session?directory={Q(directory)}", null, cancellationToken);

    public Task<JsonElement> StatusesAsync(string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"session/status?directory={Q(directory)}", null, cancellationToken);

    /// <summary><c>GET /session/{id}/message/{messageID}</c>: one stored message, <c>{info, parts}</c>.</summary>
    public Task<JsonElement> MessageAsync(string sessionId, string messageId, string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"session/{Q(sessionId)}/message/{Q(messageId)}?directory={Q(directory)}", null, cancellationToken);

    public Task<JsonElement> MessagesAsync(string sessionId, string directory, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"session/{Q(sessionId)}/message?directory={Q(directory)}", null, cancellationToken);

    /// <summary>
    /// <c>POST /permission/{id}/reply</c>. opencode answers 404 (or <c>false</c>) for a request it does not
    /// hold — already answered, or never asked — which becomes unknown_permission.
    /// </summary>
    public async Task ReplyPermissionAsync(string permissionId, string directory, string reply, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, $"permission/{Q(permissionId)}/reply?directory={Q(directory)}",
            new JsonObject { ["reply"] = reply }, CommandErrorCodes.UnknownPermission, cancellationToken);
        if (answer.ValueKind == JsonValueKind.False)
        {
            throw new RuntimeCommandException(CommandErrorCodes.UnknownPermission, $"opencode holds no permission request '{permissionId}'");
        }
    }

    /// <summary>
    /// <c>POST /global/dispose</c>: opencode drops every project instance it holds, so the next request in a directory
    /// loads its config and credentials (auth.json) again.
    /// </summary>
    public Task DisposeInstancesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "global/dispose", null, cancellationToken);

    /// <summary>Opens <c>GET /global/event</c>; the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenGlobalEventsAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "global/event");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, CommandErrorCodes.UnknownSession, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, string notFoundCode,
        CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(s_requestTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"opencode is not reachable: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"opencode did not answer {method} /{path} in time", ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new RuntimeCommandException(notFoundCode, $"opencode: not found ({method} /{path})");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
                    $"opencode answered {(int)response.StatusCode} to {method} /{path}: {Cut(text)}");
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                return default;
            }
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }

    public static void Configure(HttpClient http, string baseUrl, string? password)
    {
        http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(password))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes("opencode:" + password)));
        }
    }

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static string Cut(string text) => text.Length > 500 ? text[..500] : text;
}
