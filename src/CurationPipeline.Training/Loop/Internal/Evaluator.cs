using CurationPipeline.Training.Data;
using CurationPipeline.Training.Model;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Loop.Internal;

/// <summary>Validation loss per domain over the first windows of each domain's stream (the same tokens for every run).</summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(long step, Gpt model, TrainingData data, TrainingOptions options, Device device)
    {
        var domainLoss = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double weighted = 0;
        long windowsTotal = 0;
        int width = options.SequenceLength + 1;
        model.eval();
        using (no_grad())
        {
            foreach (var (domain, tokens) in data.ValidationTokens)
            {
                int windows = Math.Min(options.EvaluationWindows, (tokens.Length - 1) / options.SequenceLength);
                if (windows < 1)
                {
                    continue;
                }

                double sum = 0;
                var buffer = new long[options.MicroBatchSize * width];
                for (int first = 0; first < windows; first += options.MicroBatchSize)
                {
                    int rows = Math.Min(options.MicroBatchSize, windows - first);
                    for (int row = 0; row < rows; row++)
                    {
                        ReadOnlySpan<int> window = tokens.AsSpan((first + row) * options.SequenceLength, width);
                        for (int i = 0; i < width; i++)
                        {
                            buffer[row * width + i] = window[i];
                        }
                    }

                    using var scope = NewDisposeScope();
                    Tensor batch = tensor(buffer.AsSpan(0, rows * width).ToArray(), [rows, width]).to(device);
                    sum += model.Loss(batch).item<float>() * rows;
                }

                domainLoss[domain] = sum / windows;
                weighted += sum;
                windowsTotal += windows;
            }
        }

        model.train();
        return new EvaluationResult(step, windowsTotal == 0 ? double.NaN : weighted / windowsTotal, domainLoss);
    }
}
