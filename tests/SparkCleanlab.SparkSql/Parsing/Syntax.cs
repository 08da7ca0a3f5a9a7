namespace SparkCleanlab.SparkSql;

/// <summary>A parsed, unresolved expression.</summary>
internal abstract record Syntax;

/// <summary>A literal with the type Spark's parser gives it.</summary>
internal sealed record LiteralSyntax(object? Value, SqlType Type, string Text) : Syntax;

/// <summary>A bare name: a lambda variable or a column.</summary>
internal sealed record NameSyntax(string Name) : Syntax;

/// <summary><c>target.field</c>.</summary>
internal sealed record FieldSyntax(Syntax Target, string Field) : Syntax;

/// <summary><c>target[index]</c>.</summary>
internal sealed record IndexSyntax(Syntax Target, Syntax Index) : Syntax;

/// <summary>A unary operator: <c>-</c>, <c>+</c> or <c>NOT</c>.</summary>
internal sealed record UnarySyntax(string Operator, Syntax Operand) : Syntax;

/// <summary>A binary operator, upper-cased for words (<c>AND</c>, <c>DIV</c>).</summary>
internal sealed record BinarySyntax(string Operator, Syntax Left, Syntax Right) : Syntax;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
internal sealed record IsNullSyntax(Syntax Operand, bool Negated) : Syntax;

/// <summary><c>x [NOT] IN (list)</c>.</summary>
internal sealed record InSyntax(Syntax Value, IReadOnlyList<Syntax> List, bool Negated) : Syntax;

/// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
internal sealed record BetweenSyntax(Syntax Value, Syntax Low, Syntax High, bool Negated) : Syntax;

/// <summary><c>CASE [operand] WHEN .. THEN .. [ELSE ..] END</c>.</summary>
internal sealed record CaseSyntax(Syntax? Operand, IReadOnlyList<(Syntax When, Syntax Then)> Branches, Syntax? Else) : Syntax;

/// <summary><c>CAST(x AS type)</c>.</summary>
internal sealed record CastSyntax(Syntax Operand, SqlType Type) : Syntax;

/// <summary>A function call, <c>f(*)</c> when <paramref name="Star"/>, windowed when <paramref name="Over"/> is set.</summary>
internal sealed record CallSyntax(string Name, IReadOnlyList<Syntax> Arguments, bool Star, WindowSyntax? Over) : Syntax;

/// <summary><c>x -&gt; body</c> or <c>(x, y) -&gt; body</c>.</summary>
internal sealed record LambdaSyntax(IReadOnlyList<string> Parameters, Syntax Body) : Syntax;

/// <summary><c>*</c> in a select list.</summary>
internal sealed record StarSyntax : Syntax;

/// <summary><c>expr AS name</c> or <c>expr AS (a, b)</c> for multi-column generators.</summary>
internal sealed record AliasSyntax(Syntax Expression, IReadOnlyList<string> Names) : Syntax;

/// <summary><c>OVER (PARTITION BY .. ORDER BY ..)</c>.</summary>
internal sealed record WindowSyntax(IReadOnlyList<Syntax> PartitionBy, IReadOnlyList<SortSyntax> OrderBy);

/// <summary>A sort key with its direction and NULL placement (ASC NULLS FIRST, DESC NULLS LAST by default).</summary>
internal sealed record SortSyntax(Syntax Expression, bool Descending, bool NullsFirst);
