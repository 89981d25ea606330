using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.ModelRegistry.BuiltIn;

/// <summary>
/// The registry in the dashboard's own PostgreSQL tables (the default, and the demo's). It keeps both of MLflow's
/// ways of marking the serving version at once: the stage and the champion/challenger/previous aliases.
/// </summary>
public sealed class BuiltInModelRegistry(IDbContextFactory<LotteDbContext> contexts, TimeProvider time) : IModelRegistry
{
    public const string Champion = "champion";
    public const string Challenger = "challenger";
    public const string Previous = "previous";

    public string Name => "built-in";

    public async Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RegisteredModels
            .AsNoTracking()
            .Include(m => m.Versions.OrderByDescending(v => v.CreatedAt))
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
    }

    public async Task<ModelVersion?> FindVersionAsync(string modelName, string version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ModelVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.ModelName == modelName && v.Version == version, cancellationToken);
    }

    public async Task<bool> IsAppliedAsync(RegistryMove move, CancellationToken cancellationToken = default)
    {
        var version = await FindVersionAsync(move.ModelName, move.Version, cancellationToken)
            ?? throw MissingVersion(move);
        var moved = move.Kind == RegistryMoveKind.Promote
            ? version.Stage == ModelStage.Production && version.Aliases.Contains(Champion)
            : version.Stage == ModelStage.Archived && !version.Aliases.Contains(Challenger);
        return moved && version.Tags.GetValueOrDefault(RegistryTags.Experiment) == move.ExperimentKey;
    }

    /// <summary>One transaction: the pointer and the tags move together.</summary>
    public async Task ApplyAsync(RegistryMove move, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.ModelVersions.Where(v => v.ModelName == move.ModelName).ToListAsync(cancellationToken);
        var moved = versions.SingleOrDefault(v => v.Version == move.Version) ?? throw MissingVersion(move);
        var now = time.GetUtcNow();
        if (move.Kind == RegistryMoveKind.Promote)
        {
            foreach (var other in versions.Where(v => v != moved))
            {
                Demote(other, move, now);
            }

            SetStage(moved, ModelStage.Production, now);
            SetAliases(moved, now, add: Champion, remove: [Challenger, Previous]);
            moved.Tags = Tagged(moved.Tags, move, now);
        }
        else
        {
            SetStage(moved, ModelStage.Archived, now);
            SetAliases(moved, now, add: null, remove: [Challenger]);
            moved.Tags = Tagged(moved.Tags, move, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RegistryHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var models = await db.RegisteredModels.CountAsync(cancellationToken);
            return new RegistryHealth(Name, true, $"{models} registered models");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new RegistryHealth(Name, false, ex.Message);
        }
    }

    /// <summary>The old champion becomes "previous" (archived); any other Production version is archived too.</summary>
    private static void Demote(ModelVersion other, RegistryMove move, DateTimeOffset now)
    {
        if (other.Version == move.ReplacedVersion)
        {
            SetStage(other, ModelStage.Archived, now);
            SetAliases(other, now, add: Previous, remove: [Champion]);
            return;
        }

        if (other.Stage == ModelStage.Production)
        {
            SetStage(other, ModelStage.Archived, now);
        }

        SetAliases(other, now, add: null, remove: [Champion, Previous]);
    }

    private static void SetStage(ModelVersion version, ModelStage stage, DateTimeOffset now)
    {
        if (version.Stage != stage)
        {
            version.Stage = stage;
            version.UpdatedAt = now;
        }
    }

    private static void SetAliases(ModelVersion version, DateTimeOffset now, string? add, string[] remove)
    {
        var aliases = version.Aliases.Where(a => !remove.Contains(a)).ToList();
        if (add is not null && !aliases.Contains(add))
        {
            aliases.Add(add);
        }

        if (!aliases.SequenceEqual(version.Aliases))
        {
            version.Aliases = aliases;
            version.UpdatedAt = now;
        }
    }

    private static Dictionary<string, string> Tagged(Dictionary<string, string> tags, RegistryMove move, DateTimeOffset now)
    {
        var updated = new Dictionary<string, string>(tags)
        {
            [RegistryTags.Experiment] = move.ExperimentKey,
            [RegistryTags.Decision] = move.Kind == RegistryMoveKind.Promote ? "PROMOTE" : "ROLLBACK",
            [RegistryTags.Approval] = move.ApprovalReference,
            [RegistryTags.MovedAt] = now.UtcDateTime.ToString("O"),
        };
        if (move.Kind == RegistryMoveKind.Promote)
        {
            updated[RegistryTags.ReplacedVersion] = move.ReplacedVersion;
        }

        return updated;
    }

    private static ModelRegistryException MissingVersion(RegistryMove move) =>
        new($"The built-in registry has no version {move.Version} of '{move.ModelName}'.", isTransient: false)
        {
            ErrorCode = "RESOURCE_DOES_NOT_EXIST",
        };
}
