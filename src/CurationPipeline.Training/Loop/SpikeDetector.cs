namespace CurationPipeline.Training.Loop;

/// <summary>Rolling z-scores of the loss and the gradient norm over the last N accepted steps (llm.c's outlier detector).</summary>
internal sealed class SpikeDetector(int window)
{
    private readonly Queue<(double Loss, double Norm)> _history = new(window);

    /// <summary>The accepted steps in the window, oldest first (a checkpoint stores them so a resumed run decides alike).</summary>
    public IReadOnlyCollection<(double Loss, double Norm)> History => _history;

    /// <summary>The z-scores of a step against the window; NaN while fewer than <paramref name="minHistory"/> steps are known.</summary>
    public (double LossZ, double NormZ) Score(double loss, double norm, int minHistory)
    {
        if (_history.Count < minHistory)
        {
            return (double.NaN, double.NaN);
        }

        double lossSum = 0, lossSquares = 0, normSum = 0, normSquares = 0;
        foreach (var (l, n) in _history)
        {
            lossSum += l;
            lossSquares += l * l;
            normSum += n;
            normSquares += n * n;
        }

        int count = _history.Count;
        return (Z(loss, lossSum, lossSquares), Z(norm, normSum, normSquares));

        double Z(double value, double sum, double squares)
        {
            double mean = sum / count;
            double std = Math.Sqrt(Math.Max(0, squares / count - mean * mean));
            return std > 0 ? (value - mean) / std : 0;
        }
    }

    /// <summary>Adds an accepted step, dropping the oldest beyond the window.</summary>
    public void Add(double loss, double norm)
    {
        if (_history.Count == window)
        {
            _history.Dequeue();
        }

        _history.Enqueue((loss, norm));
    }

    /// <summary>Replaces the window (checkpoint restore).</summary>
    public void Reset(IEnumerable<(double Loss, double Norm)> history)
    {
        _history.Clear();
        foreach (var entry in history)
        {
            Add(entry.Loss, entry.Norm);
        }
    }
}
