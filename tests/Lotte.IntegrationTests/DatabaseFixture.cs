using Lotte.Testing;

namespace Lotte.IntegrationTests;

/// <summary>A migrated throwaway database per test class (classes run in parallel, each on its own database).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
