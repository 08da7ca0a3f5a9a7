namespace SparkCleanlab.SparkSql;

/// <summary>Questions about a parsed expression asked before binding it.</summary>
internal static class SyntaxSearch
{
    /// <summary>True when an aggregate call outside any OVER clause occurs in the expression.</summary>
    public static bool HasAggregate(Syntax syntax) => syntax switch
    {
        CallSyntax call => (call.Over is null && AggregateFunctions.IsAggregate(call.Name.ToLowerInvariant())) || call.Arguments.Any(HasAggregate),
        AliasSyntax alias => HasAggregate(alias.Expression),
        FieldSyntax field => HasAggregate(field.Target),
        IndexSyntax index => HasAggregate(index.Target) || HasAggregate(index.Index),
        UnarySyntax unary => HasAggregate(unary.Operand),
        BinarySyntax binary => HasAggregate(binary.Left) || HasAggregate(binary.Right),
        IsNullSyntax isNull => HasAggregate(isNull.Operand),
        InSyntax @in => HasAggregate(@in.Value) || @in.List.Any(HasAggregate),
        BetweenSyntax between => HasAggregate(between.Value) || HasAggregate(between.Low) || HasAggregate(between.High),
        CaseSyntax @case => (@case.Operand is { } o && HasAggregate(o)) || @case.Branches.Any(b => HasAggregate(b.When) || HasAggregate(b.Then)) || (@case.Else is { } e && HasAggregate(e)),
        CastSyntax cast => HasAggregate(cast.Operand),
        LambdaSyntax lambda => HasAggregate(lambda.Body),
        _ => false,
    };

    /// <summary>The generator call at the top of a select item (<c>explode(x) AS e</c>), with its aliases.</summary>
    public static (CallSyntax Call, IReadOnlyList<string>? Names)? Generator(Syntax item) => item switch
    {
        AliasSyntax { Expression: CallSyntax call } alias when IsGenerator(call) => (call, alias.Names),
        CallSyntax call when IsGenerator(call) => (call, null),
        _ => null,
    };

    private static bool IsGenerator(CallSyntax call) => call.Name.ToLowerInvariant() is "explode" or "posexplode";
}
