using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Api;

/// <summary>The error envelope for each documented code.</summary>
internal static class ApiErrors
{
    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "missing or wrong bearer token in the Authorization header", "unauthorized");

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message, "not_found");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message, "invalid_request");

    public static IResult Invalid(IReadOnlyList<FieldError> errors) => Error(
        StatusCodes.Status400BadRequest,
        "invalid request: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
        "invalid_request",
        new ApiErrorDetails { Errors = errors });

    public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, message, "too_large");

    public static IResult NodeOffline(string message) => Error(StatusCodes.Status409Conflict, message, "node_offline");

    public static IResult CommandFailed(string message, CommandDto command) =>
        Error(StatusCodes.Status502BadGateway, message, "command_failed", new ApiErrorDetails { Command = CommandViews.Public(command) });

    public static IResult CommandTimeout(string message, CommandDto command) =>
        Error(StatusCodes.Status504GatewayTimeout, message, "command_timeout", new ApiErrorDetails { Command = CommandViews.Public(command) });

    public static IResult NotReady(string message, IReadOnlyDictionary<string, string> components) =>
        Error(StatusCodes.Status503ServiceUnavailable, message, "not_ready", new ApiErrorDetails { Components = components });

    public static IResult Internal() =>
        Error(StatusCodes.Status500InternalServerError, "the supervisor hit an unexpected error; see its log", "internal");

    public static IResult Error(int status, string message, string code, ApiErrorDetails? details = null) =>
        TypedResults.Json(new ApiError(message, code, details), ApiJsonContext.Default.ApiError, statusCode: status);
}
