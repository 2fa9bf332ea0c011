using System.Net;

namespace HalOSwarm.Ctl.Api;

/// <summary>
/// A request that did not succeed. <see cref="Exception.Message"/> is the one line shown to the
/// operator (without the <c>halctl: error:</c> prefix); <see cref="Code"/> is the API's error code,
/// or <c>unreachable</c> / <c>timeout</c> / <c>bad_response</c> when the supervisor never answered properly.
/// </summary>
internal sealed class SupervisorException : Exception
{
    public SupervisorException(string message, string code, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public SupervisorException()
        : this("request failed", "internal")
    {
    }

    public SupervisorException(string message)
        : this(message, "internal")
    {
    }

    public SupervisorException(string message, Exception inner)
        : this(message, "internal", null, inner)
    {
    }

    public string Code { get; }

    public HttpStatusCode? StatusCode { get; }
}
