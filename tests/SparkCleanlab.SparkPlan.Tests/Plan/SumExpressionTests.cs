using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.SparkPlan.Tests.Plan;

public sealed class SumExpressionTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    [InlineData(9409)]
    [InlineData(20000)]
    public void EvaluatesToTheCoresPairwiseSumBitForBit(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => random.NextDouble() * Math.Pow(10, random.Next(-8, 8))).ToArray();

        var expression = SumExpression.Pairwise(Enumerable.Range(0, count).Select(i => $"t{i}").ToList());

        Assert.Equal(PairwiseSum.Of(values), SumEvaluator.Evaluate(expression, values));
    }

    /// <summary>Evaluates the sums SumExpression writes: parenthesised additions of t{i} terms and 0D.</summary>
    private static class SumEvaluator
    {
        public static double Evaluate(string expression, double[] values)
        {
            var at = 0;
            var result = Term(expression, ref at, values);
            Assert.Equal(expression.Length, at);
            return result;
        }

        private static double Term(string s, ref int at, double[] values)
        {
            if (s[at] == '(')
            {
                at++;
                var left = Term(s, ref at, values);
                Assert.Equal(" + ", s.Substring(at, 3));
                at += 3;
                var right = Term(s, ref at, values);
                Assert.Equal(')', s[at++]);
                return left + right;
            }

            var end = at;
            while (end < s.Length && char.IsLetterOrDigit(s[end]))
            {
                end++;
            }

            var token = s[at..end];
            at = end;
            return token == "0D" ? 0.0 : values[int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture)];
        }
    }
}
