namespace SparkCleanlab.Plan;

/// <summary>The reference's snake_case names of the option enums (<c>prune_by_noise_rate</c>, <c>self_confidence</c>, <c>quarantine</c>).</summary>
internal static class ReferenceNames
{
    /// <summary>The snake_case name of <paramref name="value"/>.</summary>
    public static string ReferenceName<TEnum>(this TEnum value) where TEnum : struct, Enum => SnakeCase(value.ToString());

    /// <summary>The member whose snake_case name is <paramref name="name"/>, or null.</summary>
    public static TEnum? Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => v!.Value.ReferenceName() == name);

    /// <summary>Every snake_case name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => v.ReferenceName()).ToArray();

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
