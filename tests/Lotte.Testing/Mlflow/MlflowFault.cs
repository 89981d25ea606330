namespace Lotte.Testing.Mlflow;

/// <summary>An MLflow error: <c>{"error_code", "message"}</c> with the HTTP status MLflow maps the code to.</summary>
public sealed class MlflowFault(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>The status mapping of <c>mlflow/exceptions.py</c>.</summary>
    public int Status => ErrorCode switch
    {
        "RESOURCE_DOES_NOT_EXIST" => 404,
        "INVALID_PARAMETER_VALUE" or "RESOURCE_ALREADY_EXISTS" or "BAD_REQUEST" => 400,
        "PERMISSION_DENIED" => 403,
        "UNAUTHENTICATED" => 401,
        "RESOURCE_CONFLICT" or "ALREADY_EXISTS" or "ABORTED" => 409,
        "REQUEST_LIMIT_EXCEEDED" => 429,
        "NOT_IMPLEMENTED" => 501,
        "TEMPORARILY_UNAVAILABLE" => 503,
        _ => 500,
    };

    public static MlflowFault Invalid(string message) => new("INVALID_PARAMETER_VALUE", message);

    public static MlflowFault NotFound(string message) => new("RESOURCE_DOES_NOT_EXIST", message);

    public static MlflowFault Missing(string parameter) =>
        Invalid($"Missing value for required parameter '{parameter}'. See the API docs for more information about request parameters.");
}
