using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Core.Tests.Persistence;

public class DatabaseOutageTests
{
    [Fact]
    public void Is_EfCoreWrappedTransientFailure_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("57P03: the database system is shutting down"))));

    [Fact]
    public void Is_NpgsqlTimeoutIoAndUpdateFailures_AreOutages()
    {
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect")));
        Assert.True(DatabaseOutage.Is(new TimeoutException()));
        Assert.True(DatabaseOutage.Is(new IOException()));
        Assert.True(DatabaseOutage.Is(new DbUpdateException("update failed")));
    }

    [Fact]
    public void Is_ProgrammingErrors_AreNotOutages()
    {
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("wrapped", new ArgumentException("bad"))));
        Assert.False(DatabaseOutage.Is(new NullReferenceException()));
    }
}
