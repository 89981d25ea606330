using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;

namespace Lotte.Dashboard.Endpoints;

/// <summary>The API's RFC 7807 answers, worded for the engineer reading them in a client log.</summary>
internal static class ApiProblems
{
    public static IResult UnknownExperiment(string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown experiment",
            detail: $"There is no experiment with the key '{key}'.");

    public static IResult NotAcceptingEvents(AssignmentConfig config) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The experiment is not running",
            detail: $"Experiment '{config.Key}' is {config.Status}; it accepts no events.",
            extensions: new Dictionary<string, object?> { ["status"] = config.Status.ToString() });

    public static IResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected",
            detail: "Send the body as application/json.");

    public static IResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large",
            detail: $"A request body may be at most {limit:N0} bytes; split the batch.");

    public static IResult InvalidEvents(IReadOnlyList<EventError> errors, int total) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The batch has invalid events; nothing was stored",
            detail: $"{errors.Count} of {total} events are invalid. Fix them and send the whole batch again (it is safe to resend).",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { index = e.Index, eventId = e.EventId, reasons = e.Reasons }).ToArray(),
            });
}
