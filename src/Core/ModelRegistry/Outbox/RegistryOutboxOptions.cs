using Lotte.Core.Common;

namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>Settings of the "ModelRegistry:Outbox" section: how the worker retries a registry that is down.</summary>
public sealed class RegistryOutboxOptions
{
    public const string SectionName = "ModelRegistry:Outbox";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due entries when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with every further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The retry budget: after this many failed attempts the change is Failed, alerts, and waits for a lead.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The wait after <paramref name="failedAttempts"/> failures: doubling, capped, with jitter.</summary>
    public TimeSpan RetryDelay(int failedAttempts, Random random) => Backoff.Delay(FirstRetryDelay, MaxRetryDelay, failedAttempts, random);
}
