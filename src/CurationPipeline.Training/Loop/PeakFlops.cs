using System.Diagnostics;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Loop;

/// <summary>Measures the device's practical peak: the FLOP/s of a large fp32 matrix product done by libtorch.</summary>
public static class PeakFlops
{
    /// <summary>Times <paramref name="repeats"/> products of two <paramref name="size"/>² fp32 matrices (after one warm-up).</summary>
    /// <param name="size">The matrix side; 2048 takes about 0.1 s per product on two CPU cores.</param>
    /// <param name="repeats">Timed products.</param>
    /// <returns>FLOP/s (2·size³ per product).</returns>
    public static double MeasureMatmul(int size = 2048, int repeats = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        Device device = cuda.is_available() ? CUDA : CPU;
        using var scope = NewDisposeScope();
        Tensor a = randn(size, size, device: device);
        Tensor b = randn(size, size, device: device);
        a.matmul(b).Dispose();
        SynchronizeIfCuda(device);
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < repeats; i++)
        {
            a.matmul(b).Dispose();
        }

        SynchronizeIfCuda(device);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return 2.0 * size * size * (double)size * repeats / seconds;

        static void SynchronizeIfCuda(Device device)
        {
            if (device.type == TorchSharp.DeviceType.CUDA)
            {
                cuda.synchronize(device);
            }
        }
    }
}
