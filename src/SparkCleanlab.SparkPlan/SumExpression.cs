using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <see cref="PairwiseSum.Of"/> as one Spark SQL expression: the same additions in the same
/// order (a running sum below eight terms; eight partial sums combined as a balanced tree up
/// to 128; halves above; numpy's 8,192-term buffers added in turn), so the JVM produces
/// numpy's bits too.
/// </summary>
internal static class SumExpression
{
    private const int BlockSize = 128;

    /// <summary>The pairwise sum of <paramref name="terms"/>, each an expression.</summary>
    public static string Pairwise(IReadOnlyList<string> terms)
    {
        var buffer = PairwiseSum.ReductionBuffer;
        var sum = Block(terms.Take(buffer).ToList());
        for (var start = buffer; start < terms.Count; start += buffer)
        {
            sum = $"({sum} + {Block(terms.Skip(start).Take(buffer).ToList())})";
        }

        return sum;
    }

    private static string Block(IReadOnlyList<string> terms)
    {
        var n = terms.Count;
        if (n < 8)
        {
            var sum = SqlLiteral.Double(0.0);
            foreach (var term in terms)
            {
                sum = $"({sum} + {term})";
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            var r = terms.Take(8).ToArray();
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] = $"({r[j]} + {terms[i + j]})";
                }
            }

            var result = $"((({r[0]} + {r[1]}) + ({r[2]} + {r[3]})) + (({r[4]} + {r[5]}) + ({r[6]} + {r[7]})))";
            for (; i < n; i++)
            {
                result = $"({result} + {terms[i]})";
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return $"({Block(terms.Take(half).ToList())} + {Block(terms.Skip(half).ToList())})";
    }
}
