using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// An <see cref="InvalidReasons"/> text as a Spark SQL <c>concat</c> whose holes are SQL
/// expressions, so that both engines write the same words from one definition.
/// </summary>
internal static class ReasonText
{
    private const char Hole = '\u0001';

    /// <summary>The hole to pass to an <see cref="InvalidReasons"/> method in place of a value known only per row.</summary>
    public static string Placeholder => Hole.ToString();

    /// <summary><paramref name="text"/> with each <see cref="Placeholder"/> replaced, in order, by a STRING expression.</summary>
    public static string Fill(string text, params string[] holes)
    {
        var parts = text.Split(Hole);
        if (parts.Length != holes.Length + 1)
        {
            throw new ArgumentException($"Expected {holes.Length} holes in '{text}'.", nameof(holes));
        }

        var pieces = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                pieces.Add(SqlLiteral.String(parts[i]));
            }

            if (i < holes.Length)
            {
                pieces.Add(holes[i]);
            }
        }

        return pieces.Count == 1 ? pieces[0] : $"concat({string.Join(", ", pieces)})";
    }
}
