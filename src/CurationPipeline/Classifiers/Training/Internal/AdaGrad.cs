namespace CurationPipeline.Classifiers.Training.Internal;

/// <summary>The AdaGrad update both plain C# trainers use: a parameter moves by rate · g / (√Σg² + ε).</summary>
internal static class AdaGrad
{
    private const double Epsilon = 1e-8;

    /// <summary>Updates a bias (kept in double during training) with gradient <paramref name="gradient"/>.</summary>
    public static void Step(double[] values, double[] squares, int at, double gradient, double rate)
    {
        squares[at] += gradient * gradient;
        values[at] -= rate * gradient / (Math.Sqrt(squares[at]) + Epsilon);
    }

    /// <summary>Updates a weight with data gradient <paramref name="gradient"/> plus the L2 term.</summary>
    public static void Step(float[] weights, float[] squares, int at, double gradient, double rate, double l2)
    {
        double g = gradient + (l2 * weights[at]);
        squares[at] += (float)(g * g);
        weights[at] -= (float)(rate * g / (Math.Sqrt(squares[at]) + Epsilon));
    }
}
