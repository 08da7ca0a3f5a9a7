using SparkCleanlab.Local.Execution;

namespace SparkCleanlab.Local.Tests.Execution;

public class MemoryBudgetTests
{
    [Fact]
    public async Task AReservationWaitsUntilEnoughIsGivenBack()
    {
        var budget = new MemoryBudget(100);
        var first = await budget.ReserveAsync(60, CancellationToken.None);
        var second = budget.ReserveAsync(60, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        Assert.Equal(100, budget.Available);
    }

    [Fact]
    public async Task ABatchLargerThanWhatIsNotHeldRunsAlone()
    {
        var budget = new MemoryBudget(100);
        Assert.True(budget.TryHold(70));
        using (await budget.ReserveAsync(1_000, CancellationToken.None))
        {
            Assert.Equal(0, budget.Available);
        }

        budget.Unhold(70);
        Assert.Equal(100, budget.Available);
    }
}
