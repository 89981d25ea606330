namespace Lotte.Core.ModelRegistry;

/// <summary>
/// A registry call failed. Transient failures (unreachable, timeout, 5xx, 429) are retried by the outbox
/// worker; the others (a missing version, a rejected request) need a person.
/// </summary>
public sealed class ModelRegistryException(string message, bool isTransient, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsTransient { get; } = isTransient;

    /// <summary>The registry's own error code when it sent one (MLflow's <c>error_code</c>).</summary>
    public string? ErrorCode { get; init; }
}
