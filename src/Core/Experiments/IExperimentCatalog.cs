namespace Lotte.Core.Experiments;

/// <summary>Read side of experiments; an interface so components can be tested without a database.</summary>
public interface IExperimentCatalog
{
    Task<IReadOnlyList<ExperimentOverview>> ListAsync(CancellationToken cancellationToken = default);
}
