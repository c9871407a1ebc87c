namespace CurationPipeline.Extraction.Internal;

/// <summary>A cooperative per-page time budget: walks call <see cref="Tick"/> per node and it checks the clock every 256 calls.</summary>
internal sealed class ExtractionDeadline
{
    private const int CheckMask = 255;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _budget;
    private int _ticks;

    public ExtractionDeadline(TimeProvider time, TimeSpan budget)
    {
        _time = time;
        _budget = budget;
        _start = time.GetTimestamp();
    }

    /// <summary>Counts one unit of work; every 256 units checks the clock.</summary>
    /// <exception cref="ExtractionTimeoutException">The budget is spent.</exception>
    public void Tick()
    {
        if ((++_ticks & CheckMask) == 0)
        {
            Check();
        }
    }

    /// <summary>Checks the clock now.</summary>
    /// <exception cref="ExtractionTimeoutException">The budget is spent.</exception>
    public void Check()
    {
        TimeSpan elapsed = _time.GetElapsedTime(_start);
        if (elapsed > _budget)
        {
            throw new ExtractionTimeoutException(elapsed, _budget);
        }
    }
}
