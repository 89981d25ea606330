using System.Diagnostics;
using System.Text.Json;
using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Privacy;
using Lotte.Dashboard.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Lotte.Dashboard.Endpoints;

/// <summary>
/// <c>POST /api/v1/experiments/{key}/assignments</c> answers which arm and model serve each unit;
/// <c>GET /api/v1/experiments/{key}/config</c> publishes the bucketing for in-process assignment, with an ETag.
/// Unit ids travel in bodies only (never in URLs, which end up in access logs).
/// </summary>
public static class AssignmentApi
{
    public const int MaxUnitsPerRequest = 1_000;
    private const long MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experiments/{key}").RequireAuthorization(ApiPolicies.Assign).WithTags("Assignment");
        group.MapPost("/assignments", AssignAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("AssignUnits")
            .WithSummary("Which arm (and model version) serves these units.")
            .Accepts<AssignmentRequest>("application/json")
            .Produces<AssignmentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/config", GetConfigAsync)
            .WithName("GetExperimentConfig")
            .WithSummary("The experiment's bucketing, for assigning in-process with a GrowthBook SDK.")
            .Produces<ExperimentConfigDocument>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> AssignAsync(string key, HttpRequest request, AssignmentService assignments,
        IngestionMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var (units, error) = ReadUnits(document!.RootElement);
            if (error is not null)
            {
                return ApiProblems.BadRequest("Invalid assignment request", error);
            }

            var result = await assignments.AssignAsync(key, units!, cancellationToken);
            if (result is null)
            {
                return ApiProblems.UnknownExperiment(key);
            }

            metrics.Assigned(key, result);
            metrics.AssignmentTook(key, Stopwatch.GetElapsedTime(started));
            var assigned = new AssignedUnit[result.Count];
            for (var i = 0; i < assigned.Length; i++)
            {
                var a = result[i];
                assigned[i] = new AssignedUnit(units![i].Reveal(), Wire(a.Arm), a.ModelName, a.ModelVersion, StageName(a.Stage));
            }

            return TypedResults.Ok(new AssignmentResponse(key, assigned));
        }
    }

    private static async Task<IResult> GetConfigAsync(string key, HttpContext context, ExperimentConfigCache configs,
        CancellationToken cancellationToken)
    {
        var config = await configs.GetAsync(key, cancellationToken);
        if (config is null)
        {
            return ApiProblems.UnknownExperiment(key);
        }

        context.Response.Headers.ETag = config.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.Contains(config.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var share = config.ServesStaging ? config.StagingShare : 0;
        var bucketing = GrowthBookBucketing.ForStagingShare(config.HashSeed, new StagingShare(share));
        var band = config.ServesStaging ? new[] { 1 - config.StagingShareHigh, 1 - config.StagingShareLow } : [0.0, 0.0];
        return TypedResults.Ok(new ExperimentConfigDocument(
            config.Key, config.Status.ToString(), config.Mode.ToString(), "id", bucketing.Seed, bucketing.HashVersion,
            bucketing.Coverage, bucketing.Weights, bucketing.Ranges.Select(r => new[] { r.Start, r.End }).ToArray(),
            [Variation(config, Arm.Production), Variation(config, Arm.Staging)], share, band));
    }

    private static ConfigVariation Variation(AssignmentConfig config, Arm arm) =>
        new(Wire(arm), config.ModelName, config.VersionOf(arm), arm == Arm.Staging ? "Staging" : "Production");

    private static string Wire(Arm arm) => arm == Arm.Staging ? "staging" : "production";

    private static string StageName(ModelStage stage) => stage switch
    {
        ModelStage.Staging => "Staging",
        ModelStage.Production => "Production",
        _ => stage.ToString(),
    };

    private static (IReadOnlyList<UnitId>? Units, string? Error) ReadUnits(JsonElement body)
    {
        try
        {
            return ReadUnitIds(body);
        }
        catch (InvalidOperationException) when (!JsonText.NamesAreWellFormed(body))
        {
            return (null, "Property names must be well-formed Unicode text.");
        }
    }

    private static (IReadOnlyList<UnitId>? Units, string? Error) ReadUnitIds(JsonElement body)
    {
        var ids = new List<JsonElement>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("unitId", out var single))
        {
            ids.Add(single);
        }
        else if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("unitIds", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            ids.AddRange(many.EnumerateArray());
        }
        else
        {
            return (null, "The body must be {\"unitId\": \"…\"} or {\"unitIds\": [\"…\", …]}.");
        }

        if (ids.Count is 0 or > MaxUnitsPerRequest)
        {
            return (null, $"Send 1 to {MaxUnitsPerRequest} unit ids per request.");
        }

        var units = new List<UnitId>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var text = JsonText.ReadString(ids[i]);
            if (text is null && ids[i].ValueKind == JsonValueKind.String)
            {
                return (null, $"Unit id #{i} is not a valid string.");
            }

            if (string.IsNullOrEmpty(text) || text.Length > EventBatchLimits.MaxUnitIdLength || text.Any(char.IsControl))
            {
                return (null, $"Unit id #{i} must be a string of 1 to {EventBatchLimits.MaxUnitIdLength} characters without control characters.");
            }

            try
            {
                units.Add(new UnitId(text));
            }
            catch (ArgumentException)
            {
                return (null, $"Unit id #{i} is not a valid string.");
            }
        }

        return (units, null);
    }
}
