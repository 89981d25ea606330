using System.Text.Json;
using System.Text.RegularExpressions;
using Lotte.Core.Auditing;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Experiments;

/// <summary>Creates experiments: validated against the registry and the policy rules, audited, in one transaction.</summary>
public sealed partial class ExperimentCommands(IDbContextFactory<LotteDbContext> contexts, ModelCatalog models, TimeProvider time)
{
    /// <summary>A new model starts on at most half the traffic (the message below says so).</summary>
    public const double MaxInitialShare = 0.5;

    /// <summary>"new" is the create page's address (/experiments/new).</summary>
    private const string ReservedKey = "new";

    /// <summary>Creates the experiment, or returns every problem with the request (field name → message).</summary>
    public async Task<(Experiment? Created, IReadOnlyDictionary<string, string> Problems)> CreateAsync(
        NewExperiment request, string actor, string? actorRole, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var problems = await ValidateAsync(db, request, cancellationToken);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = time.GetUtcNow();
        var experiment = new Experiment(request.Key, request.Name.Trim(), request.ModelName, request.ProductionVersion, request.StagingVersion, actor, now)
        {
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Mode = request.Mode,
            Policy = request.Policy,
            ApprovalMode = request.ApprovalMode,
        };
        experiment.SetStagingShare(request.StagingShare, now);
        if (request.StartNow)
        {
            experiment.Start(now);
        }

        db.Experiments.Add(experiment);
        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorName = actor, ActorRole = actorRole, Action = "experiment.created", ExperimentId = experiment.Id, Subject = experiment.Key,
            AfterJson = JsonSerializer.Serialize(new
            {
                request.ModelName, request.ProductionVersion, request.StagingVersion, request.StagingShare, Mode = request.Mode.ToString(),
                Policy = request.Policy.Kind.ToString(), ApprovalMode = request.ApprovalMode.ToString(), Status = experiment.Status.ToString(),
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (experiment, new Dictionary<string, string>());
    }

    private async Task<Dictionary<string, string>> ValidateAsync(LotteDbContext db, NewExperiment request, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        if (!KeyPattern().IsMatch(request.Key ?? "") || request.Key == ReservedKey)
        {
            problems[nameof(request.Key)] = "Use 3 to 100 lower-case letters, digits and dashes, starting with a letter.";
        }
        else if (await db.Experiments.AnyAsync(e => e.Key == request.Key, cancellationToken))
        {
            problems[nameof(request.Key)] = "An experiment with this key exists already.";
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            problems[nameof(request.Name)] = "A name of 1 to 200 characters is required.";
        }

        await ValidateVersionsAsync(request, problems, cancellationToken);
        if (request.StagingShare is <= 0 or > MaxInitialShare || double.IsNaN(request.StagingShare))
        {
            problems[nameof(request.StagingShare)] = "The Staging share must be above 0% and at most 50%.";
        }

        if (request.Policy.Validate() is { Count: > 0 } policyProblems)
        {
            problems[nameof(request.Policy)] = string.Join(" ", policyProblems);
        }

        return problems;
    }

    /// <summary>
    /// Both versions must be registered, and Production must be the version serving now, so that after a promotion
    /// the promoted version is the control of the next experiment.
    /// </summary>
    private async Task ValidateVersionsAsync(NewExperiment request, Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        IReadOnlyList<RegisteredModel> registered;
        try
        {
            registered = await models.ListAsync(cancellationToken);
        }
        catch (ModelRegistryException)
        {
            problems[nameof(request.ModelName)] = "The model registry cannot be reached; try again in a moment.";
            return;
        }

        var model = registered.FirstOrDefault(m => m.Name == request.ModelName);
        var versions = model?.Versions.Select(v => v.Version).ToList() ?? [];
        if (model is null || versions.Count == 0)
        {
            problems[nameof(request.ModelName)] = "Choose a model from the registry.";
            return;
        }

        var serving = models.ServingVersion(model)?.Version;
        if (!versions.Contains(request.ProductionVersion))
        {
            problems[nameof(request.ProductionVersion)] = "Choose a registered version.";
        }
        else if (serving is not null && request.ProductionVersion != serving)
        {
            problems[nameof(request.ProductionVersion)] = "Production must be the version the registry serves now.";
        }

        if (!versions.Contains(request.StagingVersion))
        {
            problems[nameof(request.StagingVersion)] = "Choose a registered version.";
        }
        else if (request.StagingVersion == request.ProductionVersion)
        {
            problems[nameof(request.StagingVersion)] = "Staging must be another version than Production.";
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,99}$")]
    private static partial Regex KeyPattern();
}
