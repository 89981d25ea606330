using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Dashboard.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Lotte.Dashboard.Endpoints;

/// <summary>
/// <c>POST /experiments/{key}/actions/{action}</c> (form: comment, antiforgery token; cookie session): a lead's
/// approval or override; <c>POST /experiments/{key}/registry-changes/{id}/retry</c>: a lead's retry of a failed
/// registry change, for scripts and as the server-side proof that the buttons' absence is not the control.
/// </summary>
public static class LeadActionsApi
{
    public static IEndpointRouteBuilder MapLeadActionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/experiments/{key}/actions/{action}", ActAsync)
            .RequireAuthorization(DashboardPolicies.Decide)
            .WithTags("Decisions")
            .ExcludeFromDescription();
        app.MapPost("/experiments/{key}/registry-changes/{id:long}/retry", RetryRegistryChangeAsync)
            .RequireAuthorization(DashboardPolicies.Decide)
            .WithTags("Decisions")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RetryRegistryChangeAsync(string key, long id, [FromForm] string? comment, HttpContext context, RegistryChanges changes)
    {
        var result = await changes.RetryAsync(key, id, Deciders.From(context.User), comment, context.RequestAborted);
        return ToResult(result);
    }

    private static async Task<IResult> ActAsync(string key, string action, [FromForm] string? comment, HttpContext context, ExperimentDecisions decisions)
    {
        if (!Enum.TryParse<LeadActionKind>(action, ignoreCase: true, out var kind))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown action",
                detail: $"Actions: {string.Join(", ", Enum.GetNames<LeadActionKind>())}.");
        }

        var result = await decisions.ActAsync(key, kind, Deciders.From(context.User), comment, context.RequestAborted);
        return ToResult(result);
    }

    private static IResult ToResult(LeadActionResult result)
    {
        return result.Outcome switch
        {
            LeadActionOutcome.Applied => TypedResults.Ok(new { outcome = "applied", status = result.Status?.ToString(), message = result.Message }),
            LeadActionOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown experiment", detail: result.Message),
            LeadActionOutcome.AlreadyDecided => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already decided", detail: result.Message,
                extensions: new Dictionary<string, object?> { ["decidedBy"] = result.DecidedBy, ["decidedAt"] = result.DecidedAt }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not possible", detail: result.Message),
        };
    }
}
