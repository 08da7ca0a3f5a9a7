using SparkCleanlab.Plan;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Types;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Options;
using SparkCleanlab.SparkPlan;
using static Microsoft.Spark.Sql.Functions;

namespace SparkCleanlab.Spark;

/// <summary>
/// The input as the stages read it: the user's columns untouched, plus <see cref="PlanColumns"/>
/// (class index, K doubles, position, validation code) added by one projection.
/// </summary>
internal sealed class InputFrame
{
    private InputFrame(DataFrame rows, IReadOnlyList<string> userColumns, IReadOnlyList<string>? classNames, int classCount)
    {
        Rows = rows;
        UserColumns = userColumns;
        ClassNames = classNames;
        ClassCount = classCount;
    }

    /// <summary>Every row with the plan columns.</summary>
    public DataFrame Rows { get; }

    /// <summary>The user's columns, in input order: what the outputs carry.</summary>
    public IReadOnlyList<string> UserColumns { get; }

    /// <summary>The class names of string labels, or null for integer labels.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>The valid rows.</summary>
    public DataFrame Valid => Rows.Filter($"{PlanColumns.Invalid} = {(int)InvalidRowReason.None}");

    /// <summary>Reads the Parquet inputs and adds the plan columns.</summary>
    public static InputFrame Read(SparkSession spark, FindIssuesOptions options)
    {
        var raw = spark.Read().Parquet([.. options.Inputs]);
        var fields = raw.Schema().Fields.ToDictionary(f => f.Name, f => f.DataType, StringComparer.Ordinal);
        var userColumns = raw.Columns().ToList();
        var columns = options.Columns;
        if (!fields.TryGetValue(columns.Label, out var labelType))
        {
            throw new InvalidInputException($"The input has no label column '{columns.Label}' (columns: {string.Join(", ", userColumns)}).", -1, -1);
        }

        var (probabilities, k) = ProbabilityColumns(raw, fields, columns);
        IReadOnlyList<string>? classNames = null;
        string label;
        if (labelType is StringType)
        {
            classNames = columns.Classes ?? DistinctLabels(raw, columns.Label);
            label = InputProjection.StringLabel(columns.Label, classNames);
        }
        else
        {
            label = InputProjection.IntegerLabel(columns.Label);
        }

        if (classNames is not null && classNames.Count != k)
        {
            throw new InvalidInputException($"{classNames.Count} classes ({string.Join(", ", classNames)}) but {k} probabilities per row.", -1, -1);
        }

        // The file ordinal comes from the small table of distinct paths, broadcast back.
        var withMetadata = raw.SelectExpr(["*", .. InputProjection.Metadata]);
        var ordinals = withMetadata.Select(InputProjection.FilePath).Distinct()
            .SelectExpr(InputProjection.FilePath, $"{InputProjection.FileOrdinalOverPaths} AS {InputProjection.FileOrdinal}");
        var positioned = withMetadata.Join(Broadcast(ordinals), InputProjection.FilePath);

        var plan = new List<string> { "*", $"{label} AS {PlanColumns.Label}", $"{InputProjection.Position} AS {PlanColumns.Position}" };
        plan.AddRange(probabilities.Select((p, j) => $"{p} AS {PlanColumns.P(j)}"));
        var rows = positioned.SelectExpr([.. plan])
            .WithColumn(PlanColumns.Invalid, Expr(ValidationExpression.Of(k, options.SumTolerance)));
        return new InputFrame(rows, userColumns, classNames, k);
    }

    private static (IReadOnlyList<string> Expressions, int ClassCount) ProbabilityColumns(
        DataFrame raw, Dictionary<string, DataType> fields, ColumnOptions columns)
    {
        if (columns.ProbabilityColumns is { } named)
        {
            var missing = named.Where(n => !fields.ContainsKey(n)).ToList();
            return missing.Count > 0
                ? throw new InvalidInputException($"Probability columns not in the input: {string.Join(", ", missing)}.", -1, -1)
                : (named.Select(InputProjection.FromColumn).ToList(), named.Count);
        }

        if (fields.TryGetValue(columns.ProbabilitiesColumn, out var type) && type is ArrayType)
        {
            var k = columns.ClassCount ?? raw.SelectExpr($"max(size({InputProjection.Quote(columns.ProbabilitiesColumn)}))").Head().GetAs<int>(0);
            return (Enumerable.Range(0, k).Select(j => InputProjection.FromArray(columns.ProbabilitiesColumn, j)).ToList(), k);
        }

        foreach (var prefix in columns.ProbabilityPrefix is { } given ? [given] : new[] { "p_", "p" })
        {
            var k = 0;
            while (fields.ContainsKey(prefix + k))
            {
                k++;
            }

            if (k >= 2)
            {
                return (Enumerable.Range(0, k).Select(j => InputProjection.FromColumn(prefix + j)).ToList(), k);
            }
        }

        throw new InvalidInputException(
            $"No probabilities found: no array column '{columns.ProbabilitiesColumn}' and no columns {columns.ProbabilityPrefix ?? "p_"}0..; use --probs-column, --probs-prefix or --probs-columns.", -1, -1);
    }

    // Without --classes, string labels are classes in byte order of their names (K values, one small aggregation).
    private static List<string> DistinctLabels(DataFrame raw, string column) =>
        raw.Select(Col(column)).Distinct().Filter($"{InputProjection.Quote(column)} IS NOT NULL").Collect()
            .Select(r => (string)r.Get(0)).Order(StringComparer.Ordinal).ToList();
}
