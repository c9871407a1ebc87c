using CurationPipeline.Execution.Slurm;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary><see cref="SlurmClient"/> reading what Slurm's commands print.</summary>
public sealed class SlurmClientTests
{
    [Fact]
    public async Task Queue_ArrayElementsAndPendingRanges_OneStateEach()
    {
        var slurm = new FakeSlurm { Queue = "12_3|RUNNING|None\n12_[4-5,7%2]|PENDING|Resources\n13|PENDING|DependencyNeverSatisfied\n" };

        IReadOnlyList<SlurmJobState> states = await new SlurmClient(slurm).QueueAsync(TestContext.Current.CancellationToken);

        Assert.Equal([("12", 3, "RUNNING"), ("12", 4, "PENDING"), ("12", 5, "PENDING"), ("12", 7, "PENDING"), ("13", null, "PENDING")],
            states.Select(s => (s.JobId, s.ArrayIndex, s.State)));
        Assert.True(states[^1].IsStuck);
        Assert.False(states[^1].IsActive);
        Assert.True(states[0].IsActive);
    }

    [Fact]
    public async Task Accounting_StepsSkippedAndCancelledByUserReadAsFailed()
    {
        var slurm = new FakeSlurm { Accounting = "100_0|COMPLETED\n100_0.batch|COMPLETED\n100_1|FAILED\n100_1.batch|FAILED\n101|CANCELLED by 0\n" };

        IReadOnlyList<SlurmJobState>? states = await new SlurmClient(slurm).AccountingAsync(["100", "101"], TestContext.Current.CancellationToken);

        Assert.NotNull(states);
        Assert.Equal([("100", 0, false), ("100", 1, true), ("101", null, true)], states.Select(s => (s.JobId, s.ArrayIndex, s.IsFailed)));
        Assert.Contains("sacct --noheader --parsable2 --format=JobID,State --jobs=100,101", slurm.Commands);
    }

    [Fact]
    public async Task Accounting_Disabled_Null() =>
        Assert.Null(await new SlurmClient(new FakeSlurm()).AccountingAsync(["1"], TestContext.Current.CancellationToken));

    [Fact]
    public async Task MaxArraySize_ReadFromTheConfiguration() =>
        Assert.Equal(4000, await new SlurmClient(new FakeSlurm { MaxArraySize = 4000 }).MaxArraySizeAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task Submit_Dependencies_AfterOkOfEveryJob()
    {
        var slurm = new FakeSlurm();

        string id = await new SlurmClient(slurm).SubmitAsync("/out/slurm/dedup.sbatch", ["7", "8"], TestContext.Current.CancellationToken);

        Assert.Equal("100", id);
        Assert.Equal("sbatch --parsable --dependency=afterok:7:8 /out/slurm/dedup.sbatch", Assert.Single(slurm.Commands));
    }
}
