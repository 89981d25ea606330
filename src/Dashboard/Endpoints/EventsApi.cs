using System.Diagnostics;
using Lotte.Core.Assignment;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Dashboard.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Lotte.Dashboard.Endpoints;

/// <summary>
/// <c>POST /api/v1/experiments/{key}/events</c>: one batch of up to 10,000 events. Validated whole
/// first (422 lists every bad event, nothing stored), then stored in one transaction; resending any
/// event or the whole batch changes no count.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/experiments/{key}/events", IngestAsync)
            .RequireAuthorization(ApiPolicies.Ingest)
            .WithMetadata(new RequestSizeLimitAttribute(EventBatchLimits.MaxRequestBytes))
            .WithName("IngestEvents")
            .WithTags("Events")
            .WithSummary("Record a batch of exposures, conversions, errors, predictions or shadow results.")
            .Accepts<EventBatchRequest>("application/json")
            .Produces<EventBatchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> IngestAsync(string key, HttpRequest request, ExperimentConfigCache configs,
        EventIngestor ingestor, IngestionMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var config = await configs.GetAsync(key, cancellationToken);
        if (config is null)
        {
            return ApiProblems.UnknownExperiment(key);
        }

        if (!config.Status.AcceptsEvents())
        {
            return ApiProblems.NotAcceptingEvents(config);
        }

        var (document, problem) = await JsonBody.ReadAsync(request, EventBatchLimits.MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var batch = new EventBatchParser(time.GetUtcNow(), config.StartedAt).Parse(document!.RootElement);
            if (batch.BodyProblem is not null)
            {
                return ApiProblems.BadRequest("The body is not an event batch", batch.BodyProblem);
            }

            if (!batch.IsValid)
            {
                metrics.EventsRejected(config.Key, batch.Events.Count + batch.Errors.Count);
                return ApiProblems.InvalidEvents(batch.Errors, batch.Events.Count + batch.Errors.Count);
            }

            var result = await ingestor.IngestAsync(config.ExperimentId, config.Key, batch.Events, cancellationToken);
            metrics.IngestionTook(config.Key, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(new EventBatchResponse(result.Accepted, result.Duplicates));
        }
    }
}
