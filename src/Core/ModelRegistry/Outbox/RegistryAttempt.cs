using System.Text.Json;
using Lotte.Core.Auditing;
using Microsoft.Extensions.Logging;

namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>One attempt at an outbox entry: how the entry changes, what is audited and what is logged.</summary>
internal sealed class RegistryAttempt(RegistryChange change, RegistryOutboxOptions options, TimeProvider time, Random jitter)
{
    public const string Actor = "registry outbox";

    private Exception? _error;

    public void Succeeded(string outcome)
    {
        change.Attempts++;
        change.Status = RegistryChangeStatus.Applied;
        change.Outcome = outcome;
        change.AppliedAt = time.GetUtcNow();
        change.LastError = null;
    }

    public void Failed(Exception error)
    {
        _error = error;
        change.Attempts++;
        change.LastError = Truncate($"{time.GetUtcNow():u} {error.Message}", 4000);
        var transient = error is not ModelRegistryException { IsTransient: false };
        if (!transient || change.Attempts >= options.MaxAttempts)
        {
            change.Status = RegistryChangeStatus.Failed;
            change.Outcome = transient ? $"retry budget spent ({change.Attempts} attempts)" : "refused by the registry";
            return;
        }

        change.NextAttemptAt = time.GetUtcNow() + options.RetryDelay(change.Attempts, jitter);
    }

    /// <summary>Audited: the change applied, or given up on. Intermediate retries are only logged and counted on the entry.</summary>
    public AuditEntry? AuditEntry(string registryName) => change.Status switch
    {
        RegistryChangeStatus.Applied => Entry("registry.change.applied", registryName),
        RegistryChangeStatus.Failed => Entry("registry.change.failed", registryName),
        _ => null,
    };

    public void Log(ILogger logger)
    {
        switch (change.Status)
        {
            case RegistryChangeStatus.Applied:
                logger.LogInformation("Registry change {Id} ({Kind} {Model} v{Version}, experiment {Experiment}): {Outcome}",
                    change.Id, change.Kind, change.ModelName, change.Version, change.ExperimentKey, change.Outcome);
                break;
            case RegistryChangeStatus.Failed:
                logger.LogError("Registry change {Id} ({Kind} {Model} v{Version}, experiment {Experiment}) failed: {Outcome}: {Error}",
                    change.Id, change.Kind, change.ModelName, change.Version, change.ExperimentKey, change.Outcome, _error?.Message);
                break;
            default:
                logger.LogWarning("Registry change {Id} attempt {Attempt} failed, next at {NextAttemptAt:u}: {Error}",
                    change.Id, change.Attempts, change.NextAttemptAt, _error?.Message);
                break;
        }
    }

    private AuditEntry Entry(string action, string registryName) => new()
    {
        At = time.GetUtcNow(),
        ActorName = Actor,
        ActorRole = "system",
        Action = action,
        ExperimentId = change.ExperimentId,
        Subject = change.ExperimentKey,
        AfterJson = JsonSerializer.Serialize(new
        {
            Registry = registryName, Change = change.Id, Kind = change.Kind.ToString(), Model = change.ModelName, change.Version,
            change.ReplacedVersion, change.Attempts, change.Outcome, change.LastError,
        }),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
