using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Tests.Classifiers.Internal;

public sealed class ArithmeticFeaturesTests
{
    [Theory]
    [InlineData("She needs 200 – 120 = 80 more toothpicks.", 1, 1)]
    [InlineData("Melanie has already saved 10 toothpicks x 12 weeks = 120 toothpicks.", 1, 1)]
    [InlineData("Coaching: $30/hour * 15 hours/week = $450/week", 1, 1)]
    [InlineData(@"so the area is $2 \cdot 3 = 6$ square units", 1, 1)]
    [InlineData("The two add up: 5 + 3, so x = 8.", 1, 0)]
    [InlineData("Two coffees: €5 + €3 = €8", 1, 1)]
    [InlineData("Natalia sold 48/2 = 24 clips in May.\nShe sold 48+24 = 72 clips in all.", 2, 2)]
    public void Measure_CalculationLines_Counted(string text, int lines, int steps) =>
        Assert.Equal((lines, steps), ArithmeticFeatures.Measure(text));

    [Theory]
    [InlineData("x = 5;")]
    [InlineData("let y = 2 * x;")]
    [InlineData("if (a == 3 && b >= 4) return;")]
    [InlineData("i += 1; j -= 2 * 3;")]
    [InlineData("const f = (a) => 2 + 3;")]
    [InlineData("The 2019 - 2020 season was the club's best.")]
    [InlineData("Call 555-1234 = our hotline")]
    [InlineData("int mask = 0x0F;")]
    [InlineData("const int SIZE = 1024 * 1024;")]
    [InlineData("timeout = 60 * 1000")]
    [InlineData("date = 2024-01-15")]
    [InlineData("")]
    public void Measure_CodeAndProse_NoCalculation(string text) =>
        Assert.Equal((0, 0), ArithmeticFeatures.Measure(text));

    [Fact]
    public void Fill_ThreeLinesOneStep_FiresThreeLineStepsAndOneStepIndicator()
    {
        const string Text = "It costs 3 + 4 = 7 dollars.\nWe get 2 + 2; it is = 4.\nThen 10 - 1; the total = 9.";
        Span<int> buckets = stackalloc int[ArithmeticFeatures.Count];

        int written = ArithmeticFeatures.Fill(Text, 64 - 16, buckets);

        Assert.Equal((3, 1), ArithmeticFeatures.Measure(Text));
        Assert.Equal(4, written); // lines ≥ 1, 2, 3 and steps ≥ 1
        Assert.Equal(4, buckets[..written].ToArray().Distinct().Count());
    }
}
